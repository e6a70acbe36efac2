// Latest headlines of a news section: reads the section page, follows its first story links and
// returns one record per story with the story page's own title, publication time and author.
//
// Run it on its own:
//   crawl-sequence script sequences/scripts/latest-headlines.js --source https://www.example-news.com/world
// or from a sequence with a runScript step (see sequences/ai-script-extraction.yaml).

const MAX_STORIES = 5;

// Headline links as news sites mark them up: cards and teasers with h2/h3 headings.
const STORY_LINKS = 'article h2 a[href], article h3 a[href], .card h2 a[href], .card h3 a[href], main h2 a[href], main h3 a[href]';

function scrapeData(url) {
  const listing = http.get(url, {headers: {'Accept-Language': 'en'}});
  if (listing.status !== 200) {
    log.warn('the section page answered', listing.status);
    return [];
  }
  const section = html.parse(listing.body, listing.url);
  const links = storyLinks(section, listing.url);
  log.info(`${links.length} story links on "${section.title()}"`);

  // Emitted one by one: if the source runs out of time, the stories read so far are kept.
  for (const link of links.slice(0, MAX_STORIES)) {
    emit(readStory(link, listing.url));
  }
  return {data: [], metadata: {section: section.title(), storyLinks: links.length}};
}

function storyLinks(page, pageUrl) {
  const seen = new Set();
  const links = [];
  for (const a of page.select(STORY_LINKS)) {
    const href = a.absUrl('href');
    const headline = a.text().trim();
    if (href && headline && hostOf(href) === hostOf(pageUrl) && !seen.has(href)) {
      seen.add(href);
      links.push({headline: headline, url: href});
    }
  }
  return links;
}

function readStory(link, referer) {
  try {
    const page = http.get(link.url, {headers: {Referer: referer}});
    if (page.status !== 200) {
      return {headline: link.headline, url: link.url, error: 'HTTP ' + page.status};
    }
    const story = html.parse(page.body, page.url);
    return {
      headline: link.headline,
      url: page.url,
      title: textOf(story.selectFirst('article h1, h1')),
      published: attrOf(story.selectFirst('meta[property=article:published_time]'), 'content')
          || attrOf(story.selectFirst('time[datetime]'), 'datetime'),
      author: textOf(story.selectFirst('[rel=author], .byline a, .author'))
          || attrOf(story.selectFirst('meta[name=author]'), 'content'),
    };
  } catch (e) {
    // One unreachable story should not cost the rest of the section.
    log.warn(`could not read ${link.url}: ${e.message}`);
    return {headline: link.headline, url: link.url, error: e.name};
  }
}

function hostOf(url) {
  const match = /^https?:\/\/([^/?#]+)/i.exec(url);
  return match ? match[1].toLowerCase() : null;
}

function textOf(element) {
  return element ? element.text().trim() : null;
}

function attrOf(element, name) {
  return element ? element.attr(name) : null;
}
