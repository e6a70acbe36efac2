package io.crawlseq.crawler.hubs;

import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.gazetteer.Slugs;
import io.crawlseq.crawler.page.LinkLocation;
import io.crawlseq.crawler.page.UrlShapes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The hub signals, one small class each. Weights were set on the fixture sites (see
 * {@code docs/hub-detection.md}); {@link HubScoring} turns their sum into a confidence.
 */
public final class Signals {

    private Signals() {
    }

    /** The standard signal list, in evaluation order. */
    public static List<HubSignal> standard(Gazetteer gazetteer) {
        return List.of(
                new UrlSlugMatchesPlace(), new AmbiguousPlace(), new TitleNamesPlace(gazetteer),
                new AnchorNamesPlace(gazetteer), new SectionNameAgrees(), new SeedTopic(),
                new LinkedFromNavigation(), new LinkedFromListing(), new LinkedFromSeveralPages(),
                new ManyDistinctArticleLinks(), new RepeatedCardBlocks(), new HasPagination(), new CollectionMarkup(),
                new ShallowPath(), new AuthorUrlPattern(), new ProfileMarkup(), new TagUrlPattern(),
                new LooksLikeArticle(), new LiveBlog(), new DatedPath(), new SearchOrLogin(), new ServicePage(),
                new OnlyInFooter(), new NotInNavigation(), new NotAListing(), new FetchFailed(), new DeepPath());
    }

    private static Optional<Evidence> fire(HubSignal signal, double weight, String detail) {
        return Optional.of(new Evidence(signal.name(), weight, detail));
    }

    private static boolean isPlaceKind(HubKind kind) {
        return kind.isPlace();
    }

    private static boolean isSectionKind(HubKind kind) {
        return kind == HubKind.TOPIC || kind == HubKind.PLACE_TOPIC;
    }

    // --- what the URL says --------------------------------------------------------------------------

    /** The last path segment names a place in the gazetteer; weight follows the match's strength. */
    public static final class UrlSlugMatchesPlace implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return isPlaceKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (c.place() == null) {
                return Optional.empty();
            }
            double strength = Math.min(1.0, c.place().match().score());
            String via = c.place().match().via().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String decoration = c.place().resolution().decoration();
            return fire(this, 0.35 * strength, "'" + c.lastSegment() + "' names " + c.place().place().name()
                    + " (" + via + (decoration.isEmpty() ? "" : ", with '" + decoration + "'") + ")");
        }
    }

    /** Another place fits the slug almost as well, and no parent segment settles it. */
    public static final class AmbiguousPlace implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return isPlaceKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (c.place() == null || !c.place().resolution().ambiguous() || !c.place().parents().isEmpty()) {
                return Optional.empty();
            }
            return fire(this, -0.1, "'" + c.lastSegment() + "' may also be "
                    + c.place().resolution().candidates().get(1).place().name());
        }
    }

    /** The page's title or h1 names the place. */
    public static final class TitleNamesPlace implements HubSignal {
        private final Gazetteer gazetteer;

        TitleNamesPlace(Gazetteer gazetteer) {
            this.gazetteer = gazetteer;
        }

        @Override
        public boolean appliesTo(HubKind kind) {
            return isPlaceKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (c.place() == null || !c.fetched()) {
                return Optional.empty();
            }
            String title = "-" + Slugs.slugify(c.page().title() + " " + c.page().h1()) + "-";
            for (String slug : gazetteer.slugsOf(c.place().place())) {
                if (slug.length() >= 2 && title.contains("-" + slug + "-")) {
                    return fire(this, 0.15, "title names " + c.place().place().name());
                }
            }
            return Optional.empty();
        }
    }

    /** Links to the page are labelled with the place's name. */
    public static final class AnchorNamesPlace implements HubSignal {
        private final Gazetteer gazetteer;

        AnchorNamesPlace(Gazetteer gazetteer) {
            this.gazetteer = gazetteer;
        }

        @Override
        public boolean appliesTo(HubKind kind) {
            return isPlaceKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (c.place() == null || c.bestAnchor().isBlank()) {
                return Optional.empty();
            }
            String anchor = Slugs.slugify(c.bestAnchor());
            Set<String> names = gazetteer.slugsOf(c.place().place());
            if (names.contains(anchor) || names.contains(anchor.replaceAll("-news$", ""))) {
                return fire(this, 0.1, "links say '" + c.bestAnchor() + "'");
            }
            return Optional.empty();
        }
    }

    /** The section's links or heading say what its slug says ("Climate crisis" for /climate-crisis). */
    public static final class SectionNameAgrees implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return isSectionKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            String slug = c.lastSegment();
            String anchor = Slugs.slugify(c.bestAnchor());
            String heading = c.fetched() ? Slugs.slugify(c.page().h1()) : "";
            if (!slug.isEmpty() && (slug.equals(anchor) || slug.equals(heading)
                    || (!anchor.isEmpty() && Topics.key(anchor).equals(Topics.key(slug))))) {
                return fire(this, 0.1, "named '" + (c.bestAnchor().isBlank() ? c.page().h1() : c.bestAnchor()) + "'");
            }
            return Optional.empty();
        }
    }

    /** The slug is a well-known section name (a head start, never required). */
    public static final class SeedTopic implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return isSectionKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return Topics.seed(c.lastSegment()).flatMap(t -> fire(this, 0.05, "known section name (" + t + ")"));
        }
    }

    /** A path of one to three segments: hubs sit near the root. */
    public static final class ShallowPath implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.segments().size() <= 3 ? fire(this, 0.05, c.segments().size() + " path segments") : Optional.empty();
        }
    }

    /** More than four segments: rarely a hub. */
    public static final class DeepPath implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.segments().size() > 4 ? fire(this, -0.2, c.segments().size() + " path segments") : Optional.empty();
        }
    }

    /** {@code /author/x}, {@code /profile/x}, {@code /people/x}: an author page. */
    public static final class AuthorUrlPattern implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind == HubKind.AUTHOR;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return UrlPatterns.hasMarker(c.segments(), UrlPatterns.AUTHOR_MARKERS)
                    ? fire(this, 0.7, "author path") : Optional.empty();
        }
    }

    /** JSON-LD ProfilePage or og:type=profile. */
    public static final class ProfileMarkup implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind == HubKind.AUTHOR;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.fetched() && c.page().profile() ? fire(this, 0.3, "profile markup") : Optional.empty();
        }
    }

    /** {@code /tag/x}, {@code /topics/x}, {@code /series/x}: a tag page. */
    public static final class TagUrlPattern implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind == HubKind.TAG;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return UrlPatterns.hasMarker(c.segments(), UrlPatterns.TAG_MARKERS) ? fire(this, 0.7, "tag path") : Optional.empty();
        }
    }

    // --- how the site links to it ------------------------------------------------------------------

    /** Linked from navigation, the header or a breadcrumb: the site presents it as a section. */
    public static final class LinkedFromNavigation implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            int n = c.navigationLinks();
            return n > 0 ? fire(this, 0.25, n + " page(s) link here from navigation") : Optional.empty();
        }
    }

    /** Linked from the content of a page that is itself a listing (a country list on /world). */
    public static final class LinkedFromListing implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.state().fromListing() && c.navigationLinks() == 0
                    ? fire(this, 0.1, "linked from a listing page") : Optional.empty();
        }
    }

    /** Three or more pages link here. */
    public static final class LinkedFromSeveralPages implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.state().sources() >= 3 ? fire(this, 0.1, c.state().sources() + " pages link here") : Optional.empty();
        }
    }

    /** Every link to it is in a page footer: about/contact/jobs territory. */
    public static final class OnlyInFooter implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            int footer = c.linksFrom(LinkLocation.FOOTER);
            int all = c.state().locations().values().stream().mapToInt(Integer::intValue).sum();
            return footer > 0 && footer == all ? fire(this, -0.6, "linked only from footers") : Optional.empty();
        }
    }

    /** A section nobody links to from navigation is a tag or a one-off page more often than a hub. */
    public static final class NotInNavigation implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return isSectionKind(kind);
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.navigationLinks() == 0 ? fire(this, -0.3, "never linked from navigation") : Optional.empty();
        }
    }

    // --- what the page itself shows ----------------------------------------------------------------

    /** The page links to many distinct stories. */
    public static final class ManyDistinctArticleLinks implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (!c.fetched()) {
                return Optional.empty();
            }
            int n = Math.max(c.page().articleLinks(), c.page().headlineLinks());
            if (n >= 10) {
                return fire(this, 0.25, n + " story links");
            }
            return n >= 5 ? fire(this, 0.2, n + " story links") : Optional.empty();
        }
    }

    /** Teaser blocks of one structure, repeated. */
    public static final class RepeatedCardBlocks implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.fetched() && c.page().largestCardGroup() >= 4
                    ? fire(this, 0.15, c.page().largestCardGroup() + " repeated cards") : Optional.empty();
        }
    }

    /** Links to older pages of the same listing. */
    public static final class HasPagination implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.fetched() && c.page().pagination() > 0 ? fire(this, 0.15, "paginated") : Optional.empty();
        }
    }

    /** JSON-LD CollectionPage or ItemList. */
    public static final class CollectionMarkup implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.fetched() && c.page().collection() ? fire(this, 0.05, "collection markup") : Optional.empty();
        }
    }

    /** Fetched, yet no story links, no cards, no pagination. */
    public static final class NotAListing implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return kind.isHub();
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.fetched() && !c.page().article() && !c.page().isListing()
                    ? fire(this, -0.35, "the page lists no stories") : Optional.empty();
        }
    }

    // --- hard negatives -----------------------------------------------------------------------------

    /** A story: story-shaped URL or article markup. A country name in a story's slug does not make a hub. */
    public static final class LooksLikeArticle implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return true;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (c.fetched() && c.page().article()) {
                return fire(this, -1.0, "the page is a story");
            }
            // a long slug is a headline, unless it is a place's name (saint-vincent-and-the-grenadines)
            if (UrlShapes.hasArticleId(c.url().path()) || (c.place() == null && UrlShapes.slugWords(c.url().path()) >= 5)) {
                return fire(this, -1.0, "story-shaped URL");
            }
            return Optional.empty();
        }
    }

    /** A live blog: updates, not a section. */
    public static final class LiveBlog implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return true;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            boolean live = UrlShapes.looksLikeLiveBlog(c.url()) || (c.fetched() && c.page().liveBlog());
            return live ? fire(this, -1.0, "live blog") : Optional.empty();
        }
    }

    /** {@code /2024/05/12/...}: dated paths are stories. */
    public static final class DatedPath implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return true;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return UrlShapes.isDatedPath(c.url().path()) ? fire(this, -1.0, "dated path") : Optional.empty();
        }
    }

    /** Search, login, registration, account pages. */
    public static final class SearchOrLogin implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return true;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            if (UrlPatterns.anyIn(c.segments(), UrlPatterns.SEARCH_LOGIN)) {
                return fire(this, -1.0, "search/login path");
            }
            if (c.fetched() && (c.page().passwordField() || c.page().searchForm())) {
                return fire(this, -1.0, c.page().passwordField() ? "password form" : "search form");
            }
            return Optional.empty();
        }
    }

    /** About, contact, privacy, jobs, newsletters...: pages about the publisher, not its news. */
    public static final class ServicePage implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return true;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return UrlPatterns.anyIn(c.segments(), UrlPatterns.SERVICE_PAGES)
                    ? fire(this, -1.0, "service page") : Optional.empty();
        }
    }

    /** Fetching it failed (404, blocked, error). */
    public static final class FetchFailed implements HubSignal {
        @Override
        public boolean appliesTo(HubKind kind) {
            return true;
        }

        @Override
        public Optional<Evidence> evaluate(CandidateFacts c) {
            return c.state().failure() != null ? fire(this, -0.5, "fetch: " + c.state().failure()) : Optional.empty();
        }
    }
}
