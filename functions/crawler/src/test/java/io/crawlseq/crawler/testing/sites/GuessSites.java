package io.crawlseq.crawler.testing.sites;

import static io.crawlseq.crawler.hubs.HubKind.CITY;
import static io.crawlseq.crawler.hubs.HubKind.COUNTRY;
import static io.crawlseq.crawler.hubs.HubKind.REGION;
import static io.crawlseq.crawler.hubs.HubKind.TOPIC;

import io.crawlseq.crawler.testing.sites.SiteBuilder.Paging;
import java.util.List;

/**
 * Fixture sites whose hubs are mostly linked from nowhere: a few are in the navigation (what
 * ensureCountryHubs and ensurePlaceHubs can find), the rest only exist at the URL the site's
 * pattern gives them, so only guessing finds them. Each answers missing hubs its own way, and a
 * few hidden hubs use slugs no pattern predicts (honest misses: {@link #UNGUESSABLE}).
 *
 * <ul>
 *   <li>{@link #worldwide()}: {@code /world/{name-kebab}} ({@code south-korea}, {@code new-zealand}), real 404s;</li>
 *   <li>{@link #joined()}: {@code /news/{name-joined}} ({@code southkorea}), and a 200 "latest news" page for
 *       anything unknown, HEAD included (a soft 404 that never says so);</li>
 *   <li>{@link #metro()}: cities and states under their country's hub ({@code /australia-news/sydney},
 *       {@code /uk/london}, {@code /us-news/texas}), unknown paths under a country hub redirect to it,
 *       and every fourth page request is answered 429 with Retry-After: 2.</li>
 * </ul>
 */
public final class GuessSites {

    /** Hidden hubs written with slugs no pattern predicts (the site's own spelling). */
    public static final List<String> UNGUESSABLE = List.of("/world/dr-congo", "/world/burma");

    private GuessSites() {
    }

    public static List<FixtureSite> all() {
        return List.of(worldwide(), joined(), metro());
    }

    public static FixtureSite worldwide() {
        SiteBuilder b = new SiteBuilder("worldwide", "The Worldwide Ledger", 66)
                .articles((section, date, slug, id) -> section + "/" + date.getYear() + "/"
                        + SiteBuilder.monthAbbrev(date) + "/" + String.format("%02d", date.getDayOfMonth()) + "/" + slug)
                .authors("/profile/")
                .live("/live")
                .tag("/world/series/world-cup", "World cup");
        b.nav("/world", "World").nav("/politics", "Politics").nav("/business", "Business");
        b.footerLink("/about", "About us").footerLink("/contact", "Contact");
        String[][] linked = {{"france", "France", "FR"}, {"germany", "Germany", "DE"}, {"south-korea", "South Korea", "KR"},
                {"united-states", "United States", "US"}, {"brazil", "Brazil", "BR"}, {"new-zealand", "New Zealand", "NZ"}};
        SiteBuilder.Section world = b.section("/world", "World news").collection();
        for (String[] c : linked) {
            world.subnav("/world/" + c[0], c[1]);
        }
        world.expect(TOPIC, "world");
        for (String[] c : linked) {
            b.section("/world/" + c[0], c[1]).paging(Paging.QUERY, 2).placeSlug(c[0]).expect(COUNTRY, c[2]);
        }
        String[][] hidden = {{"china", "China", "CN"}, {"india", "India", "IN"}, {"indonesia", "Indonesia", "ID"},
                {"pakistan", "Pakistan", "PK"}, {"nigeria", "Nigeria", "NG"}, {"japan", "Japan", "JP"},
                {"mexico", "Mexico", "MX"}, {"egypt", "Egypt", "EG"}, {"vietnam", "Vietnam", "VN"}, {"turkey", "Turkey", "TR"},
                {"iran", "Iran", "IR"}, {"italy", "Italy", "IT"}, {"south-africa", "South Africa", "ZA"},
                {"kenya", "Kenya", "KE"}, {"spain", "Spain", "ES"}, {"ukraine", "Ukraine", "UA"},
                {"argentina", "Argentina", "AR"}, {"poland", "Poland", "PL"}, {"canada", "Canada", "CA"},
                {"saudi-arabia", "Saudi Arabia", "SA"}, {"peru", "Peru", "PE"},
                {"dr-congo", "DR Congo", "CD"}, {"burma", "Burma", "MM"}};
        for (String[] c : hidden) {
            b.section("/world/" + c[0], c[1]).paging(Paging.NONE, 1).hidden().expect(COUNTRY, c[2]);
        }
        b.section("/politics", "Politics").expect(TOPIC, "politics");
        b.section("/business", "Business").expect(TOPIC, "business");
        return b.build();
    }

    public static FixtureSite joined() {
        SiteBuilder b = new SiteBuilder("joined", "The Joined Times", 77)
                .startPath("/news")
                .softNotFound()
                .articles((section, date, slug, id) -> "/story/" + date.getYear()
                        + String.format("%02d%02d", date.getMonthValue(), date.getDayOfMonth()) + "/" + slug + "-" + id)
                .authors("/author/")
                .live("/live")
                .tag("/tag/world-cup", "World cup");
        b.nav("/news", "Home").nav("/news/world", "World").nav("/news/politics", "Politics");
        b.footerLink("/about", "About us");
        String[][] linked = {{"france", "France", "FR"}, {"germany", "Germany", "DE"}, {"southkorea", "South Korea", "KR"},
                {"newzealand", "New Zealand", "NZ"}, {"unitedstates", "United States", "US"}};
        SiteBuilder.Section world = b.section("/news/world", "World");
        for (String[] c : linked) {
            world.subnav("/news/" + c[0], c[1]);
        }
        world.expect(TOPIC, "world");
        for (String[] c : linked) {
            b.section("/news/" + c[0], c[1]).paging(Paging.QUERY, 2).expect(COUNTRY, c[2]);
        }
        String[][] hidden = {{"china", "China", "CN"}, {"india", "India", "IN"}, {"japan", "Japan", "JP"},
                {"unitedkingdom", "United Kingdom", "GB"}, {"southafrica", "South Africa", "ZA"},
                {"saudiarabia", "Saudi Arabia", "SA"}, {"mexico", "Mexico", "MX"}, {"italy", "Italy", "IT"},
                {"spain", "Spain", "ES"}, {"canada", "Canada", "CA"}};
        for (String[] c : hidden) {
            b.section("/news/" + c[0], c[1]).paging(Paging.NONE, 1).hidden().expect(COUNTRY, c[2]);
        }
        b.section("/news/politics", "Politics").expect(TOPIC, "politics");
        return b.build();
    }

    public static FixtureSite metro() {
        SiteBuilder b = new SiteBuilder("metro", "The Metro Wire", 88)
                .articles((section, date, slug, id) -> section + "/" + date.getYear() + "/"
                        + String.format("%02d/%02d", date.getMonthValue(), date.getDayOfMonth()) + "/" + slug)
                .authors("/profile/")
                .live("/live")
                .tag("/tag/elections", "Elections")
                .redirectMissing("/uk/", "/uk").redirectMissing("/us-news/", "/us-news")
                .redirectMissing("/australia-news/", "/australia-news")
                .rateLimit(4, 2);
        b.nav("/uk", "UK").nav("/us-news", "US").nav("/australia-news", "Australia").nav("/politics", "Politics");
        b.footerLink("/about", "About us");
        b.section("/uk", "UK news").subnav("/uk/london", "London").subnav("/uk/manchester", "Manchester")
                .expect(COUNTRY, "GB");
        b.section("/us-news", "US news").subnav("/us-news/texas", "Texas").subnav("/us-news/california", "California")
                .expect(COUNTRY, "US");
        b.section("/australia-news", "Australia news").subnav("/australia-news/sydney", "Sydney")
                .subnav("/australia-news/melbourne", "Melbourne").expect(COUNTRY, "AU");
        place(b, "/uk/london", "London", CITY, "GB", "city:2643743", false);
        place(b, "/uk/manchester", "Manchester", CITY, "GB", "city:2643123", false);
        place(b, "/us-news/texas", "Texas", REGION, "US", "admin1:US.TX", false);
        place(b, "/us-news/california", "California", REGION, "US", "admin1:US.CA", false);
        place(b, "/australia-news/sydney", "Sydney", CITY, "AU", "city:2147714", false);
        place(b, "/australia-news/melbourne", "Melbourne", CITY, "AU", "city:2158177", false);
        place(b, "/uk/birmingham", "Birmingham", CITY, "GB", "city:2655603", true);
        place(b, "/uk/glasgow", "Glasgow", CITY, "GB", "city:2648579", true);
        place(b, "/uk/leeds", "Leeds", CITY, "GB", "city:2644688", true);
        place(b, "/australia-news/brisbane", "Brisbane", CITY, "AU", "city:2174003", true);
        place(b, "/australia-news/perth", "Perth", CITY, "AU", "city:2063523", true);
        place(b, "/australia-news/adelaide", "Adelaide", CITY, "AU", "city:2078025", true);
        place(b, "/us-news/chicago", "Chicago", CITY, "US", "city:4887398", true);
        place(b, "/us-news/houston", "Houston", CITY, "US", "city:4699066", true);
        place(b, "/us-news/new-york-city", "New York City", CITY, "US", "city:5128581", true);
        place(b, "/us-news/florida", "Florida", REGION, "US", "admin1:US.FL", true);
        place(b, "/us-news/new-york", "New York", REGION, "US", "admin1:US.NY", true);
        place(b, "/australia-news/queensland", "Queensland", REGION, "AU", "admin1:AU.04", true);
        b.section("/politics", "Politics").expect(TOPIC, "politics");
        return b.build();
    }

    private static void place(SiteBuilder b, String path, String name, io.crawlseq.crawler.hubs.HubKind kind, String iso2,
                              String placeId, boolean hidden) {
        SiteBuilder.Section s = b.section(path, name).paging(Paging.NONE, 1);
        if (hidden) {
            s.hidden();
        }
        s.expectPlace(kind, iso2, placeId);
    }
}
