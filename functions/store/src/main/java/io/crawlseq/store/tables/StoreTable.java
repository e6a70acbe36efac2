package io.crawlseq.store.tables;

/** The store's tables, with their logical names and the environment variables naming them in AWS. */
public enum StoreTable {
    SEQUENCES("sequences", "SEQUENCES_TABLE"),
    RUNS("runs", "RUNS_TABLE"),
    METRICS("metrics", "METRICS_TABLE"),
    CRAWL_RESULTS("crawl-results", "CRAWL_RESULTS_TABLE");

    private final String logicalName;
    private final String environmentVariable;

    StoreTable(String logicalName, String environmentVariable) {
        this.logicalName = logicalName;
        this.environmentVariable = environmentVariable;
    }

    /** Short name; local table names are a prefix plus this ({@code crawlseq-runs}). */
    public String logicalName() {
        return logicalName;
    }

    /** The Lambda environment variable that carries the deployed table's name. */
    public String environmentVariable() {
        return environmentVariable;
    }
}
