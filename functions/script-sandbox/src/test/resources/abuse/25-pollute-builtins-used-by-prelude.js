// expect: success
// data: [{"real": 1}]
// Replacing JSON.stringify, Array.prototype.join and Object.freeze does not change what the sandbox records.
function scrapeData(url) {
  JSON.stringify = () => '{"forged":true}';
  Array.prototype.join = () => 'forged';
  Object.freeze = (o) => o;
  log.info('still', 'works');
  return [{real: 1}];
}
