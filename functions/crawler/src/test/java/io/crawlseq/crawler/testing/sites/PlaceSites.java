package io.crawlseq.crawler.testing.sites;

import static io.crawlseq.crawler.hubs.HubKind.CITY;
import static io.crawlseq.crawler.hubs.HubKind.COUNTRY;
import static io.crawlseq.crawler.hubs.HubKind.PLACE;
import static io.crawlseq.crawler.hubs.HubKind.REGION;
import static io.crawlseq.crawler.hubs.HubKind.TOPIC;

import io.crawlseq.crawler.testing.sites.SiteBuilder.Paging;

/**
 * Fixture sites with hubs below country level: regions and cities under their country's hub, place
 * and topic together, and names that mean different places depending on where they sit
 * ({@code /us-news/georgia} the state, {@code /world/europe/georgia} the country;
 * {@code /australia-news/victoria} the state, {@code /world/americas/canada/victoria} the city;
 * Birmingham in England and in Alabama; New York the state, not the city). The ground truth names
 * each region's and city's gazetteer entry.
 */
public final class PlaceSites {

    private PlaceSites() {
    }

    public static FixtureSite regional() {
        SiteBuilder b = new SiteBuilder("regional", "The Regional Courier", 55)
                .articles((section, date, slug, id) -> section + "/" + date.getYear() + "/"
                        + SiteBuilder.monthAbbrev(date) + "/" + String.format("%02d", date.getDayOfMonth()) + "/" + slug)
                .authors("/profile/")
                .live("/live")
                .tag("/uk/series/london-marathon", "London marathon");
        b.nav("/uk", "UK").nav("/us-news", "US").nav("/australia-news", "Australia").nav("/world", "World")
                .nav("/politics", "Politics").nav("/business", "Business").nav("/sport", "Sport");
        b.footerLink("/about", "About us").footerLink("/contact", "Contact").footerLink("/uk/jobs", "Jobs in the UK");

        b.section("/uk", "UK news").placeSlug("uk")
                .subnav("/uk/london", "London").subnav("/uk/birmingham", "Birmingham").subnav("/uk/manchester", "Manchester")
                .subnav("/uk/scotland", "Scotland").subnav("/uk/wales", "Wales").subnav("/uk/politics", "Politics")
                .subnav("/uk/business", "Business")
                .expect(COUNTRY, "GB");
        city(b, "/uk/london", "London", "GB", "2643743");
        city(b, "/uk/birmingham", "Birmingham", "GB", "2655603");
        city(b, "/uk/manchester", "Manchester", "GB", "2643123");
        region(b, "/uk/scotland", "Scotland", "GB", "admin1:GB.SCT");
        region(b, "/uk/wales", "Wales", "GB", "admin1:GB.WLS");
        b.section("/uk/politics", "UK politics").expectPlaceTopic("politics", "GB", "country:GB");
        b.section("/uk/business", "UK business").expectPlaceTopic("business", "GB", "country:GB");

        b.section("/us-news", "US news").placeSlug("us")
                .subnav("/us-news/georgia", "Georgia").subnav("/us-news/california", "California")
                .subnav("/us-news/texas", "Texas").subnav("/us-news/new-york", "New York")
                .subnav("/us-news/chicago", "Chicago").subnav("/us-news/birmingham", "Birmingham")
                .subnav("/us-news/us-politics", "US politics")
                .expect(COUNTRY, "US");
        region(b, "/us-news/georgia", "Georgia", "US", "admin1:US.GA");
        region(b, "/us-news/california", "California", "US", "admin1:US.CA");
        region(b, "/us-news/texas", "Texas", "US", "admin1:US.TX");
        region(b, "/us-news/new-york", "New York", "US", "admin1:US.NY");
        city(b, "/us-news/chicago", "Chicago", "US", "4887398");
        city(b, "/us-news/birmingham", "Birmingham", "US", "4049979");
        b.section("/us-news/us-politics", "US politics").expectPlaceTopic("politics", "US", "country:US");

        b.section("/australia-news", "Australia news").placeSlug("australia")
                .subnav("/australia-news/sydney", "Sydney").subnav("/australia-news/melbourne", "Melbourne")
                .subnav("/australia-news/victoria", "Victoria").subnav("/australia-news/queensland", "Queensland")
                .subnav("/australia-news/politics", "Politics")
                .expect(COUNTRY, "AU");
        city(b, "/australia-news/sydney", "Sydney", "AU", "2147714");
        city(b, "/australia-news/melbourne", "Melbourne", "AU", "2158177");
        region(b, "/australia-news/victoria", "Victoria", "AU", "admin1:AU.07");
        region(b, "/australia-news/queensland", "Queensland", "AU", "admin1:AU.04");
        b.section("/australia-news/politics", "Australian politics").expectPlaceTopic("politics", "AU", "country:AU");

        b.section("/world", "World news").collection()
                .subnav("/world/europe", "Europe").subnav("/world/americas", "Americas").subnav("/world/middle-east", "Middle East")
                .expect(TOPIC, "world");
        b.section("/world/europe", "Europe").paging(Paging.QUERY, 2)
                .subnav("/world/europe/georgia", "Georgia").subnav("/world/europe/france", "France")
                .subnav("/world/europe/business", "European business")
                .expect(PLACE, null);
        b.section("/world/americas", "Americas").paging(Paging.QUERY, 2)
                .subnav("/world/americas/canada", "Canada")
                .expect(PLACE, null);
        b.section("/world/middle-east", "Middle East").paging(Paging.QUERY, 2)
                .subnav("/world/middle-east/jordan", "Jordan")
                .expect(PLACE, null);
        b.section("/world/europe/georgia", "Georgia").placeSlug("georgia").expect(COUNTRY, "GE");
        b.section("/world/europe/france", "France").placeSlug("france").expect(COUNTRY, "FR");
        b.section("/world/middle-east/jordan", "Jordan").placeSlug("jordan").expect(COUNTRY, "JO");
        b.section("/world/europe/business", "European business").expectPlaceTopic("business", null, null);
        b.section("/world/americas/canada", "Canada").placeSlug("canada")
                .subnav("/world/americas/canada/victoria", "Victoria").subnav("/world/americas/canada/toronto", "Toronto")
                .expect(COUNTRY, "CA");
        city(b, "/world/americas/canada/victoria", "Victoria", "CA", "6174041");
        city(b, "/world/americas/canada/toronto", "Toronto", "CA", "6167865");

        for (String[] t : new String[][] {{"politics", "Politics"}, {"business", "Business"}, {"sport", "Sport"}}) {
            b.section("/" + t[0], t[1]).expect(TOPIC, t[0]);
        }
        return b.build();
    }

    private static void city(SiteBuilder b, String path, String name, String iso2, String geonameId) {
        b.section(path, name).paging(Paging.QUERY, 2).placeSlug(slug(name)).expectPlace(CITY, iso2, "city:" + geonameId);
    }

    private static void region(SiteBuilder b, String path, String name, String iso2, String placeId) {
        b.section(path, name).paging(Paging.QUERY, 2).placeSlug(slug(name)).expectPlace(REGION, iso2, placeId);
    }

    static String slug(String name) {
        return SiteBuilder.slug(name);
    }
}
