export { crawl, readLinks, type CrawlOptions, type CrawlSummary, type CrawledPage } from './crawl.js';
export { Fetcher, FetchError, USER_AGENT, checkHttp, type FetchFailure, type Page } from './fetcher.js';

/** An argument of `ingest` that is a web address rather than a path. */
export const isUrlArgument = (argument: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
