// expect: success
// data: [{"unexpected": ""}]
// globalThis holds only standard built-ins and the script API.
function scrapeData(url) {
  const standard = new Set(['Object', 'Function', 'Array', 'String', 'Date', 'Number', 'Boolean', 'RegExp', 'Math',
    'JSON', 'NaN', 'Infinity', 'undefined', 'isNaN', 'isFinite', 'parseFloat', 'parseInt', 'encodeURI',
    'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'escape', 'unescape', 'Error', 'EvalError', 'RangeError',
    'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError', 'ArrayBuffer', 'Int8Array',
    'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView', 'BigInt', 'Map', 'Set', 'WeakMap',
    'WeakSet', 'Symbol', 'Reflect', 'Proxy', 'Promise', 'Iterator', 'globalThis', 'WeakRef', 'FinalizationRegistry',
    'Intl', 'Symbol(Symbol.toStringTag)', 'http', 'html', 'log', 'console', 'emit', 'scrapeData']);
  const unexpected = Reflect.ownKeys(globalThis).map(String).filter(name => !standard.has(name));
  return [{unexpected: unexpected.join(',')}];
}
