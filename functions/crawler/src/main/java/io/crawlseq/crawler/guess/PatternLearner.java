package io.crawlseq.crawler.guess;

import io.crawlseq.crawler.gazetteer.Gazetteer;
import io.crawlseq.crawler.gazetteer.Place;
import io.crawlseq.crawler.gazetteer.PlaceMatch;
import io.crawlseq.crawler.gazetteer.SlugContext;
import io.crawlseq.crawler.hubs.HubKind;
import io.crawlseq.crawler.url.UrlParser;
import io.crawlseq.crawler.url.WebUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Learns where a site puts its place hubs from the hubs already verified. Each hub's last path
 * segment is explained as (decoration +) the place's slug in some {@link SlugStyle}; what comes
 * before it is kept as a fixed path, and where it is the place's country hub or a segment naming
 * the place's world region, also as that more general parent. A pattern needs
 * {@code minSupport} hubs; the slug style a site uses is the one that explains most of them
 * ({@code south-korea} and {@code new-zealand} tell kebab from joined; {@code france} fits both).
 * Pure: no I/O.
 */
public final class PatternLearner {

    /** Below this many supporting hubs a pattern is an anecdote. */
    public static final int DEFAULT_MIN_SUPPORT = 2;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]{1,12}[-_]");
    private static final Pattern SUFFIX = Pattern.compile("[-_][a-z0-9]{1,12}");
    private static final Pattern EXTENSION = Pattern.compile("\\.(html?|php|aspx?|jsp|shtml)$");
    private static final int MAX_EXAMPLES = 5;

    private final Gazetteer gazetteer;
    private final int minSupport;

    public PatternLearner(Gazetteer gazetteer, int minSupport) {
        this.gazetteer = gazetteer;
        this.minSupport = Math.max(1, minSupport);
    }

    public PatternLearner(Gazetteer gazetteer) {
        this(gazetteer, DEFAULT_MIN_SUPPORT);
    }

    /** One way the place's segment reads: decoration around a slug in a style. */
    record Explanation(String prefix, String suffix, SlugStyle style) {
    }

    /** Patterns with enough support, most supported first. */
    public List<LearnedPattern> learn(List<KnownHub> hubs) {
        Map<String, String> countryHubPaths = countryHubPaths(hubs);
        Map<String, Builder> builders = new LinkedHashMap<>();
        for (KnownHub hub : hubs) {
            Optional<Place> place = placeOf(hub);
            WebUrl url = UrlParser.parse(hub.url()).toOptional().orElse(null);
            if (place.isEmpty() || url == null || url.pathSegments().isEmpty()) {
                continue;
            }
            List<String> raw = url.pathSegments();
            List<Explanation> explanations = explain(segment(raw.get(raw.size() - 1)), place.get());
            if (explanations.isEmpty()) {
                continue;
            }
            LearnedPattern.Level level = hub.kind() == HubKind.COUNTRY ? LearnedPattern.Level.COUNTRY
                    : LearnedPattern.Level.SUBNATIONAL;
            boolean slash = url.path().endsWith("/");
            String parentPath = parentPath(raw);
            Set<String> counted = new LinkedHashSet<>();
            for (Explanation e : explanations) {
                for (Parent parent : parents(level, parentPath, raw, place.get(), countryHubPaths)) {
                    UrlTemplate template = parent.template(e.prefix(), e.suffix(), slash);
                    String key = level + " " + template;
                    Builder b = builders.computeIfAbsent(key, k -> new Builder(template, level));
                    if (counted.add(key)) {
                        b.add(hub, url.path(), place.get(), parent.region());
                    }
                    b.styles.merge(e.style(), 1, Integer::sum);
                }
            }
        }
        List<LearnedPattern> patterns = new ArrayList<>();
        for (Builder b : builders.values()) {
            if (b.support >= minSupport && b.generalises()) {
                patterns.add(b.build());
            }
        }
        patterns.sort(Comparator.comparingInt(LearnedPattern::support).reversed().thenComparing(LearnedPattern::text));
        return patterns;
    }

    /** Every decoration + style that reads the segment as the place. */
    List<Explanation> explain(String segment, Place place) {
        List<Explanation> found = new ArrayList<>();
        for (SlugStyle style : SlugStyle.PREDICTIVE) {
            style.render(place).ifPresent(slug -> decorations(segment, slug, style, found));
        }
        if (found.isEmpty()) {
            for (String alt : gazetteer.slugsOf(place)) {
                decorations(segment, alt, SlugStyle.ALT_NAME, found);
                decorations(segment, alt.replace('-', '_'), SlugStyle.ALT_NAME, found);
            }
        }
        return dedupe(found);
    }

    private static void decorations(String segment, String slug, SlugStyle style, List<Explanation> out) {
        for (int at = segment.indexOf(slug); at >= 0; at = segment.indexOf(slug, at + 1)) {
            String prefix = segment.substring(0, at);
            String suffix = segment.substring(at + slug.length());
            if ((prefix.isEmpty() || PREFIX.matcher(prefix).matches()) && (suffix.isEmpty() || SUFFIX.matcher(suffix).matches())) {
                out.add(new Explanation(prefix, suffix, style));
            }
        }
    }

    private static List<Explanation> dedupe(List<Explanation> found) {
        return new ArrayList<>(new LinkedHashSet<>(found));
    }

    /** What may come before the place's segment, most specific first. */
    private record Parent(UrlTemplate.Parent kind, String path, String before, String after, String regionSlug,
                          String regionPlaceId) {
        UrlTemplate template(String prefix, String suffix, boolean slash) {
            return switch (kind) {
                case LITERAL -> UrlTemplate.literal(path, prefix, suffix, slash);
                case COUNTRY_HUB -> UrlTemplate.underCountryHub(prefix, suffix, slash);
                case REGION -> UrlTemplate.underRegion(before, after, prefix, suffix, slash);
            };
        }

        RegionRef region() {
            return regionSlug == null ? null : new RegionRef(regionSlug, regionPlaceId);
        }
    }

    record RegionRef(String slug, String placeId) {
    }

    private List<Parent> parents(LearnedPattern.Level level, String parentPath, List<String> raw, Place place,
                                 Map<String, String> countryHubPaths) {
        List<Parent> parents = new ArrayList<>();
        parents.add(new Parent(UrlTemplate.Parent.LITERAL, parentPath, "", "", null, null));
        if (level == LearnedPattern.Level.SUBNATIONAL) {
            String countryHub = countryHubPaths.get(place.iso2());
            if (countryHub != null && trim(countryHub).equals(parentPath) && !parentPath.isEmpty()) {
                parents.add(new Parent(UrlTemplate.Parent.COUNTRY_HUB, "", "", "", null, null));
            }
            return parents;
        }
        for (int i = 0; i < raw.size() - 1; i++) {
            Optional<Place.WorldRegion> region = regionOf(raw.get(i), place.iso2());
            if (region.isPresent()) {
                String before = "/" + String.join("/", raw.subList(0, i)) + (i == 0 ? "" : "/");
                String after = i + 1 < raw.size() - 1 ? "/" + String.join("/", raw.subList(i + 1, raw.size() - 1)) : "";
                parents.add(new Parent(UrlTemplate.Parent.REGION, "", before, after, segment(raw.get(i)),
                        region.get().placeId()));
            }
        }
        return parents;
    }

    /** The world region a segment names, if the country belongs to it. */
    private Optional<Place.WorldRegion> regionOf(String rawSegment, String iso2) {
        for (PlaceMatch m : gazetteer.resolve(rawSegment, SlugContext.none()).candidates()) {
            if (m.place() instanceof Place.WorldRegion r && gazetteer.memberCountries(r).contains(iso2)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private Optional<Place> placeOf(KnownHub hub) {
        if (hub.placeId() == null || !(hub.kind() == HubKind.COUNTRY || hub.kind() == HubKind.REGION
                || hub.kind() == HubKind.CITY)) {
            return Optional.empty();
        }
        return gazetteer.place(hub.placeId()).filter(p -> !(p instanceof Place.WorldRegion));
    }

    /** The path of each country's best known hub (verified first, then most confident). */
    static Map<String, String> countryHubPaths(List<KnownHub> hubs) {
        Map<String, KnownHub> best = new HashMap<>();
        for (KnownHub h : hubs) {
            if (h.kind() != HubKind.COUNTRY || h.iso2() == null) {
                continue;
            }
            KnownHub current = best.get(h.iso2());
            if (current == null || better(h, current)) {
                best.put(h.iso2(), h);
            }
        }
        Map<String, String> paths = new TreeMap<>();
        best.forEach((iso2, hub) -> UrlParser.parse(hub.url()).toOptional().ifPresent(u -> paths.put(iso2, u.path())));
        return paths;
    }

    private static boolean better(KnownHub a, KnownHub b) {
        if (a.verified() != b.verified()) {
            return a.verified();
        }
        if (a.confidence() != b.confidence()) {
            return a.confidence() > b.confidence();
        }
        return a.url().compareTo(b.url()) < 0;
    }

    /** A path segment as the site wrote it, decoded and lower case, without a file extension. */
    static String segment(String raw) {
        String s = raw;
        try {
            s = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ignored) {
            // keep it as written
        }
        return EXTENSION.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String parentPath(List<String> raw) {
        return raw.size() == 1 ? "" : "/" + String.join("/", raw.subList(0, raw.size() - 1));
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Accumulates one pattern's evidence. */
    private static final class Builder {
        final UrlTemplate template;
        final LearnedPattern.Level level;
        int support;
        final Map<SlugStyle, Integer> styles = new LinkedHashMap<>();
        final Map<String, Integer> kinds = new TreeMap<>();
        final Map<String, int[]> regions = new LinkedHashMap<>();
        final Map<String, String> regionIds = new HashMap<>();
        final Set<String> countries = new LinkedHashSet<>();
        final List<String> examples = new ArrayList<>();

        Builder(UrlTemplate template, LearnedPattern.Level level) {
            this.template = template;
            this.level = level;
        }

        void add(KnownHub hub, String path, Place place, RegionRef region) {
            support++;
            kinds.merge(hub.kind().wireName(), 1, Integer::sum);
            countries.add(place.iso2());
            if (region != null) {
                regions.computeIfAbsent(region.slug(), k -> new int[1])[0]++;
                regionIds.put(region.slug(), region.placeId());
            }
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(path);
            }
        }

        /**
         * "Under the country's hub" is a rule about countries: hubs of one country only show that
         * country's own fixed path, which the literal pattern already covers.
         */
        boolean generalises() {
            return template.parent() != UrlTemplate.Parent.COUNTRY_HUB || countries.size() >= 2;
        }

        LearnedPattern build() {
            List<LearnedPattern.StyleSupport> ranked = new ArrayList<>();
            styles.forEach((style, count) -> ranked.add(new LearnedPattern.StyleSupport(style, count)));
            ranked.sort(Comparator.comparingInt(LearnedPattern.StyleSupport::count).reversed()
                    .thenComparingInt(s -> preference(s.style())));
            List<LearnedPattern.RegionSlug> regionSlugs = new ArrayList<>();
            regions.forEach((slug, n) -> regionSlugs.add(new LearnedPattern.RegionSlug(slug, regionIds.get(slug), n[0])));
            regionSlugs.sort(Comparator.comparingInt(LearnedPattern.RegionSlug::count).reversed()
                    .thenComparing(LearnedPattern.RegionSlug::slug));
            String scope = level == LearnedPattern.Level.SUBNATIONAL && template.parent() == UrlTemplate.Parent.LITERAL
                    && countries.size() == 1 ? countries.iterator().next() : null;
            return new LearnedPattern(template, level, support, ranked, kinds, regionSlugs, scope, examples);
        }

        private static int preference(SlugStyle style) {
            int i = SlugStyle.PREDICTIVE.indexOf(style);
            return i < 0 ? SlugStyle.PREDICTIVE.size() : i;
        }
    }
}
