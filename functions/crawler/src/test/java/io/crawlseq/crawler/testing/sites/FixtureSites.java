package io.crawlseq.crawler.testing.sites;

import static io.crawlseq.crawler.hubs.HubKind.COUNTRY;
import static io.crawlseq.crawler.hubs.HubKind.PLACE;
import static io.crawlseq.crawler.hubs.HubKind.TOPIC;

import io.crawlseq.crawler.testing.sites.SiteBuilder.Paging;
import java.util.List;

/**
 * The fixture news sites, one per URL scheme seen on real news sites. Each knows its exact hubs.
 *
 * <ul>
 *   <li>{@link #guardianLike()}: {@code /world/france}, {@code /us-news}, dated articles
 *       {@code /world/2024/may/12/france-...}, {@code ?page=N}, site sections {@code /climate-crisis},
 *       {@code /the-filter}, a series tag {@code /world/series/france-election};</li>
 *   <li>{@link #bbcLike()}: {@code /news/world/europe}, {@code /news/world/us_and_canada},
 *       {@code /news/world/asia/china}, articles {@code /news/world-europe-12345678}, topic tags;</li>
 *   <li>{@link #continental()}: {@code /world/europe/france} with articles under the country path
 *       and {@code /page/N} pagination, Georgia listed under Europe;</li>
 *   <li>{@link #sectioned()}: {@code /section/world/europe}, {@code /section/us}, dated
 *       {@code .html} articles, "Older stories" links.</li>
 * </ul>
 */
public final class FixtureSites {

    private FixtureSites() {
    }

    public static List<FixtureSite> all() {
        return List.of(guardianLike(), bbcLike(), continental(), sectioned());
    }

    private static void commonFooter(SiteBuilder b) {
        b.footerLink("/about", "About us").footerLink("/contact", "Contact").footerLink("/privacy", "Privacy policy")
                .footerLink("/jobs", "Jobs").footerLink("/help", "Help").footerLink("/crosswords", "Crosswords")
                .footerLink("/private/staff", "Staff area");
    }

    public static FixtureSite guardianLike() {
        SiteBuilder b = new SiteBuilder("guardian-like", "The Daily Planet", 11)
                .articles((section, date, slug, id) -> {
                    String top = section.startsWith("/world/") ? "/world" : section;
                    return top + "/" + date.getYear() + "/" + SiteBuilder.monthAbbrev(date) + "/"
                            + String.format("%02d", date.getDayOfMonth()) + "/" + slug;
                })
                .authors("/profile/")
                .live("/live")
                .tag("/world/series/france-election", "France election")
                .linkFromArticleBodies("/world/nigeria", "Nigeria");
        b.nav("/world", "World").nav("/uk", "UK").nav("/us-news", "US").nav("/australia-news", "Australia")
                .nav("/politics", "Politics").nav("/business", "Business").nav("/technology", "Technology")
                .nav("/sport", "Sport").nav("/climate-crisis", "Climate crisis")
                .nav("/culture?utm_source=nav&utm_medium=header", "Culture")
                .nav("/the-filter", "The Filter").nav("/commentisfree", "Opinion").nav("/newsletters", "Newsletters")
                .nav("/search", "Search").nav("/signin", "Sign in");
        commonFooter(b);
        b.redirect("/uk", "/uk-news");
        b.section("/world", "World news").collection()
                .subnav("/world/europe-news", "Europe").subnav("/world/americas", "Americas").subnav("/world/asia", "Asia")
                .subnav("/world/middleeast", "Middle East").subnav("/world/africa", "Africa")
                .subnav("/world/france", "France").subnav("/world/germany", "Germany").subnav("/world/china", "China")
                .subnav("/world/india", "India").subnav("/world/brazil", "Brazil")
                .subnav("/world/south-korea", "South Korea").subnav("/world/czechia", "Czechia")
                .subnav("/world/georgia", "Georgia")
                .expect(TOPIC, "world");
        b.section("/uk-news", "UK news").placeSlug("uk").expect(COUNTRY, "GB");
        b.section("/us-news", "US news").placeSlug("us").expect(COUNTRY, "US");
        b.section("/australia-news", "Australia news").placeSlug("australia").expect(COUNTRY, "AU");
        for (String[] c : new String[][] {{"france", "France", "FR"}, {"germany", "Germany", "DE"}, {"china", "China", "CN"},
                {"india", "India", "IN"}, {"brazil", "Brazil", "BR"}, {"south-korea", "South Korea", "KR"},
                {"czechia", "Czechia", "CZ"}, {"georgia", "Georgia", "GE"}, {"nigeria", "Nigeria", "NG"}}) {
            SiteBuilder.Section s = b.section("/world/" + c[0], c[1]).placeSlug(c[0]).expect(COUNTRY, c[2]);
            if (c[0].equals("czechia")) {
                s.cards(5).paging(Paging.NONE, 1);   // a thin hub: five stories, no pagination
            }
        }
        for (String[] r : new String[][] {{"europe-news", "Europe"}, {"americas", "Americas"}, {"asia", "Asia"},
                {"middleeast", "Middle East"}, {"africa", "Africa"}}) {
            b.section("/world/" + r[0], r[1]).paging(Paging.QUERY, 2).expect(PLACE, null);
        }
        for (String[] t : new String[][] {{"politics", "Politics", "politics"}, {"business", "Business", "business"},
                {"technology", "Technology", "technology"}, {"sport", "Sport", "sport"},
                {"climate-crisis", "Climate crisis", "climate-crisis"}, {"culture", "Culture", "culture"},
                {"the-filter", "The Filter", "the-filter"}, {"commentisfree", "Opinion", "opinion"}}) {
            b.section("/" + t[0], t[1]).expect(TOPIC, t[2]);
        }
        return b.build();
    }

    public static FixtureSite bbcLike() {
        SiteBuilder b = new SiteBuilder("bbc-like", "Broadcast News", 22)
                .startPath("/news")
                .searchAllowed()
                .articles((section, date, slug, id) -> {
                    String name = section.replaceFirst("^/news/", "").replaceFirst("^/", "").replace('/', '-').replace('_', '-');
                    return (section.startsWith("/sport") ? "/sport/" : "/news/") + name + "-" + id;
                })
                .authors("/news/correspondents/")
                .live("/news/live")
                .tag("/news/topics/c1vw6q14rzqt/france-election", "France election");
        b.nav("/news", "Home").nav("/news/uk", "UK").nav("/news/world", "World").nav("/news/business", "Business")
                .nav("/news/politics", "Politics").nav("/news/technology", "Tech")
                .nav("/news/science_and_environment", "Science").nav("/news/health", "Health")
                .nav("/news/in_pictures", "In Pictures").nav("/sport", "Sport").nav("/weather", "Weather")
                .nav("/search", "Search");
        commonFooter(b);
        b.plainPage("/weather", "Weather forecast");
        b.section("/news/uk", "UK").placeSlug("uk").expect(COUNTRY, "GB");
        b.section("/news/world", "World").paging(Paging.OLDER, 3)
                .subnav("/news/world/africa", "Africa").subnav("/news/world/asia", "Asia")
                .subnav("/news/world/australia", "Australia").subnav("/news/world/europe", "Europe")
                .subnav("/news/world/latin_america", "Latin America").subnav("/news/world/middle_east", "Middle East")
                .subnav("/news/world/us_and_canada", "US & Canada")
                .expect(TOPIC, "world");
        b.section("/news/world/asia", "Asia").paging(Paging.OLDER, 2)
                .subnav("/news/world/asia/china", "China").subnav("/news/world/asia/india", "India").expect(PLACE, null);
        b.section("/news/world/australia", "Australia").placeSlug("australia").expect(COUNTRY, "AU");
        b.section("/news/world/asia/china", "China").placeSlug("china").expect(COUNTRY, "CN");
        b.section("/news/world/asia/india", "India").placeSlug("india").expect(COUNTRY, "IN");
        for (String[] r : new String[][] {{"africa", "Africa"}, {"europe", "Europe"}, {"latin_america", "Latin America"},
                {"middle_east", "Middle East"}, {"us_and_canada", "US & Canada"}}) {
            b.section("/news/world/" + r[0], r[1]).paging(Paging.OLDER, 2).expect(PLACE, null);
        }
        for (String[] t : new String[][] {{"/news/business", "Business", "business"}, {"/news/politics", "Politics", "politics"},
                {"/news/technology", "Technology", "technology"}, {"/news/science_and_environment", "Science", "science-and-environment"},
                {"/news/health", "Health", "health"}, {"/news/in_pictures", "In Pictures", "in-pictures"},
                {"/sport", "Sport", "sport"}}) {
            b.section(t[0], t[1]).paging(Paging.OLDER, 2).expect(TOPIC, t[2]);
        }
        FixtureSite site = b.build();
        return site;
    }

    public static FixtureSite continental() {
        SiteBuilder b = new SiteBuilder("continental", "Continental Herald", 33)
                .articles((section, date, slug, id) -> section + "/" + date.getYear() + "/"
                        + String.format("%02d/%02d", date.getMonthValue(), date.getDayOfMonth()) + "/" + slug)
                .authors("/authors/")
                .live("/live")
                .tag("/tags/france-election", "France election");
        b.nav("/world", "World").nav("/business", "Business").nav("/technology", "Technology").nav("/sport", "Sport")
                .nav("/science", "Science").nav("/opinion", "Opinion").nav("/well", "Well").nav("/signin", "Log in");
        commonFooter(b);
        b.section("/world", "World").paging(Paging.PATH, 2)
                .subnav("/world/europe", "Europe").subnav("/world/asia", "Asia").subnav("/world/africa", "Africa")
                .subnav("/world/americas", "Americas").subnav("/world/middle-east", "Middle East").expect(TOPIC, "world");
        String[][][] continents = {
                {{"europe", "Europe"}, {"france", "France", "FR"}, {"germany", "Germany", "DE"}, {"georgia", "Georgia", "GE"},
                        {"italy", "Italy", "IT"}, {"united-kingdom", "United Kingdom", "GB"}},
                {{"asia", "Asia"}, {"china", "China", "CN"}, {"japan", "Japan", "JP"}, {"vietnam", "Vietnam", "VN"}},
                {{"africa", "Africa"}, {"nigeria", "Nigeria", "NG"}, {"kenya", "Kenya", "KE"}, {"south-africa", "South Africa", "ZA"}},
                {{"americas", "Americas"}, {"brazil", "Brazil", "BR"}, {"mexico", "Mexico", "MX"},
                        {"united-states", "United States", "US"}, {"canada", "Canada", "CA"}},
                {{"middle-east", "Middle East"}, {"jordan", "Jordan", "JO"}, {"israel", "Israel", "IL"}, {"iran", "Iran", "IR"}}};
        for (String[][] continent : continents) {
            String path = "/world/" + continent[0][0];
            SiteBuilder.Section s = b.section(path, continent[0][1]).paging(Paging.PATH, 2);
            for (int i = 1; i < continent.length; i++) {
                s.subnav(path + "/" + continent[i][0], continent[i][1]);
            }
            s.expect(PLACE, null);
            for (int i = 1; i < continent.length; i++) {
                b.section(path + "/" + continent[i][0], continent[i][1]).paging(Paging.PATH, 3)
                        .placeSlug(continent[i][0]).expect(COUNTRY, continent[i][2]);
            }
        }
        for (String[] t : new String[][] {{"business", "Business", "business"}, {"technology", "Technology", "technology"},
                {"sport", "Sport", "sport"}, {"science", "Science", "science"}, {"opinion", "Opinion", "opinion"},
                {"well", "Well", "well"}}) {
            b.section("/" + t[0], t[1]).paging(Paging.PATH, 2).expect(TOPIC, t[2]);
        }
        return b.build();
    }

    public static FixtureSite sectioned() {
        SiteBuilder b = new SiteBuilder("sectioned", "The Metropolitan Times", 44)
                .articles((section, date, slug, id) -> "/" + date.getYear() + "/"
                        + String.format("%02d/%02d", date.getMonthValue(), date.getDayOfMonth())
                        + section.replaceFirst("^/section", "") + "/" + slug + ".html")
                .authors("/by/")
                .live("/live")
                .tag("/topic/subject/france-election", "France election");
        b.nav("/section/world", "World").nav("/section/us", "U.S.").nav("/section/politics", "Politics")
                .nav("/section/business", "Business").nav("/section/technology", "Tech").nav("/section/sports", "Sports")
                .nav("/section/climate", "Climate").nav("/section/arts", "Arts").nav("/section/upshot", "The Upshot")
                .nav("/search", "Search").nav("/login", "Log in");
        commonFooter(b);
        b.section("/section/world", "World").paging(Paging.OLDER, 3)
                .subnav("/section/world/africa", "Africa").subnav("/section/world/americas", "Americas")
                .subnav("/section/world/asia", "Asia").subnav("/section/world/australia", "Australia")
                .subnav("/section/world/canada", "Canada").subnav("/section/world/europe", "Europe")
                .subnav("/section/world/middleeast", "Middle East").expect(TOPIC, "world");
        b.section("/section/us", "U.S. News").placeSlug("us").paging(Paging.OLDER, 2).expect(COUNTRY, "US");
        b.section("/section/world/australia", "Australia").placeSlug("australia").paging(Paging.OLDER, 2).expect(COUNTRY, "AU");
        b.section("/section/world/canada", "Canada").placeSlug("canada").paging(Paging.NONE, 1).expect(COUNTRY, "CA");
        for (String[] r : new String[][] {{"africa", "Africa"}, {"americas", "Americas"}, {"asia", "Asia"},
                {"europe", "Europe"}, {"middleeast", "Middle East"}}) {
            b.section("/section/world/" + r[0], r[1]).paging(Paging.OLDER, 2).expect(PLACE, null);
        }
        for (String[] t : new String[][] {{"politics", "Politics", "politics"}, {"business", "Business", "business"},
                {"technology", "Technology", "technology"}, {"sports", "Sports", "sport"}, {"climate", "Climate", "environment"},
                {"arts", "Arts", "culture"}, {"upshot", "The Upshot", "upshot"}}) {
            b.section("/section/" + t[0], t[1]).paging(Paging.OLDER, 2).expect(TOPIC, t[2]);
        }
        return b.build();
    }
}
