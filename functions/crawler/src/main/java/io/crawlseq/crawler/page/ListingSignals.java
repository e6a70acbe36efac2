package io.crawlseq.crawler.page;

import java.util.List;

/**
 * What says a page lists stories (a hub, section front, archive page).
 *
 * @param articleLinks     distinct same-site story-shaped URLs linked from the content (not nav/footer)
 * @param headlineLinks    distinct same-site links that are headlines in the content
 * @param largestCardGroup size of the largest group of sibling teaser blocks with the same structure
 * @param cardGroups       groups of 3+ such blocks
 * @param pagination       links to the next/older page of the listing
 * @param collectionJsonLd JSON-LD says CollectionPage or ItemList
 */
public record ListingSignals(int articleLinks, int headlineLinks, int largestCardGroup, int cardGroups,
                             List<Pagination> pagination, boolean collectionJsonLd) {

    public ListingSignals {
        pagination = List.copyOf(pagination);
    }

    public boolean hasPagination() {
        return !pagination.isEmpty();
    }
}
