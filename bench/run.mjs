// Placeholder until the benchmark harness lands (see bench/README.md): fail loudly rather than pretend.
console.error('npm run bench: the benchmark harness is not implemented yet (see bench/README.md).');
process.exit(1);
