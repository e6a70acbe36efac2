// expect: security
// attempted: import
// import() of a local file.
async function scrapeData(url) {
  const module = await import('/etc/passwd');
  return [{v: String(module)}];
}
