package io.crawlseq.crawler.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.page.PageAnalyzer;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Reading a listing's page scheme from its links, and addressing its pages. */
class PageSchemeTest {

    private static final PageAnalyzer ANALYZER = new PageAnalyzer();

    private static PageScheme detect(String hub, String nextLink) {
        return PageScheme.detect(hub, ANALYZER.analyze(hub, "<html><body><main><p>" + nextLink + "</p></main></body></html>"));
    }

    @Test
    void queryPages_keepTheHubsOtherParameters() {
        PageScheme scheme = detect("https://x.example/world?edition=uk",
                "<a rel=next href=\"/world?edition=uk&page=2\">Next page</a>");

        assertThat(scheme.kind()).isEqualTo(PageScheme.Kind.QUERY);
        assertThat(scheme.urlFor(7)).isEqualTo("https://x.example/world?edition=uk&page=7");
        assertThat(scheme.pageOf("https://x.example/world?edition=uk&page=7")).isEqualTo(7);
        assertThat(scheme.urlFor(1)).isEqualTo("https://x.example/world?edition=uk");
    }

    @Test
    void pathPages_andNumberedPaths_andCursors() {
        assertThat(detect("https://x.example/world/", "<a href=\"/world/page/2/\">Older</a>").kind())
                .isEqualTo(PageScheme.Kind.PATH_PAGE);
        assertThat(detect("https://x.example/world", "<a rel=next href=\"/world/2\">Older stories</a>").kind())
                .isEqualTo(PageScheme.Kind.PATH_NUMBER);
        assertThat(detect("https://x.example/world", "<a href=\"/world?before=84121\">Older stories</a>").kind())
                .isEqualTo(PageScheme.Kind.NEXT_LINKS);
        assertThat(detect("https://x.example/world", "<a href=\"/world/france\">France</a>").kind())
                .isEqualTo(PageScheme.Kind.NONE);
    }

    @Test
    void aNextLinkToAnotherListing_isNotThisListingsPagination() {
        PageScheme scheme = detect("https://x.example/world", "<a rel=next href=\"/sport/page/2\">Next</a>");

        assertThat(scheme.kind()).isEqualTo(PageScheme.Kind.NEXT_LINKS);
        assertThat(scheme.randomAccess()).isFalse();
    }

    @RepeatedTest(20)
    void pageOf_readsBackEveryUrlFor(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String[][] hubs = {{"https://x.example/news/world", "<a href=\"/news/world?p=2\">2</a>"},
                {"https://x.example/section/us/", "<a href=\"/section/us/page/2\">Older</a>"},
                {"https://x.example/archive", "<a rel=next href=\"/archive/2\">Next</a>"}};
        for (String[] hub : hubs) {
            PageScheme scheme = detect(hub[0], hub[1]);
            int n = 2 + random.nextInt(999_990);

            assertThat(scheme.pageOf(scheme.urlFor(n))).as(scheme + " page " + n).isEqualTo(n);
            assertThat(scheme.pageOf(hub[0])).isEqualTo(1);
            assertThat(scheme.pageOf("https://other.example/archive/2")).isEqualTo(-1);
        }
    }
}
