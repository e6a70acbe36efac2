// expect: success
// data: [{"present": ""}]
// Every host-reaching global is absent (typeof is 'undefined').
function scrapeData(url) {
  const names = ['Java', 'Packages', 'java', 'javax', 'Polyglot', 'Graal', 'print', 'printErr', 'load',
    'loadWithNewGlobal', 'quit', 'exit', 'readline', 'readbuffer', 'eval', 'require', 'process', 'setTimeout',
    'setInterval', 'queueMicrotask', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'Worker', 'fetch', 'arguments'];
  const present = names.filter(name => typeof globalThis[name] !== 'undefined');
  return [{present: present.join(',')}];
}
