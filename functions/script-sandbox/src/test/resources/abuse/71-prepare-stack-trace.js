// expect: success
// data: [{"functions": "", "receivers": ""}]
// V8's Error.prepareStackTrace hands out call sites; none may expose a sandbox function or receiver.
function scrapeData(url) {
  let sites = [];
  Error.prepareStackTrace = (error, callSites) => { sites = callSites; return 'captured'; };
  try {
    html.parse(42);
  } catch (e) {
    String(e.stack);
  }
  const functions = [];
  const receivers = [];
  for (const site of sites) {
    const fn = typeof site.getFunction === 'function' ? site.getFunction() : undefined;
    const self = typeof site.getThis === 'function' ? site.getThis() : undefined;
    if (fn !== undefined && fn !== null && fn !== scrapeData) functions.push(String(site.getFunctionName()));
    if (self !== undefined && self !== null && self !== globalThis) receivers.push(String(site.getFunctionName()));
  }
  return [{functions: functions.join(','), receivers: receivers.join(',')}];
}
