// Crawls a loopback benchmark site with Crawlee's CheerioCrawler and prints one JSON line:
// {"crawler":"crawlee","pages":N,"ms":M,"cpuMs":C,"t1000":T} (T: ms at the 1000th page, for the steady-state rate). Used by io.crawlseq.crawler.harness.CrawlBenchmark.
// Usage: NODE_PATH=.tools/crawlee-bench/node_modules node crawlee-bench.js START_URL CONCURRENCY MAX_PAGES
const { CheerioCrawler, Configuration, log } = require('crawlee');

async function main() {
    const [start, concurrencyArg, maxPagesArg] = process.argv.slice(2);
    const concurrency = Number(concurrencyArg);
    const maxPages = Number(maxPagesArg);
    log.setLevel(log.LEVELS.OFF);
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    let pages = 0;
    let t1000 = -1;
    const t0 = process.hrtime.bigint();
    const crawler = new CheerioCrawler({
        minConcurrency: concurrency,
        maxConcurrency: concurrency,
        maxRequestsPerCrawl: maxPages,
        maxRequestRetries: 0,
        requestHandler: async ({ enqueueLinks }) => {
            pages++;
            if (pages === 1000) {
                t1000 = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
            }
            await enqueueLinks({ strategy: 'same-hostname' });
        },
    }, config);
    const cpuStart = process.cpuUsage();
    await crawler.run([start]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpuStart);
    console.log(JSON.stringify({ crawler: 'crawlee', pages, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), t1000 }));
}

main().catch((e) => { console.error(e); process.exit(1); });
