// expect: security
// attempted: Worker
// Starting a worker thread.
function scrapeData(url) {
  new Worker('data:text/javascript,while(true){}');
  return [];
}
