package io.crawlseq.cli;

/** What the bundled demo site holds (see {@code DemoSiteGenerator}). */
final class DemoSiteFacts {

    private DemoSiteFacts() {
    }

    /** Stories on the site: four per country hub (six) and five per topic section (four). */
    static final int STORIES = 6 * 4 + 4 * 5;
}
