export { loadFiles } from './load-files.ts';
export { main } from './main.ts';
export { preview, type StaticServer } from './static-server.ts';
