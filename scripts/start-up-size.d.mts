export declare function startUpModules(dir: string, entry?: string): Map<string, number>;
export declare function allScripts(dir: string): Map<string, number>;
