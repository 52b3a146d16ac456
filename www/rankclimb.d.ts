// Types for the host page's side of rankclimb: the element, the chart handle it carries,
// its events and the steps. The loader (`rankclimb.js`) defines <rank-climb> and mounts
// every <div data-rankclimb> when it is imported; it exports nothing of its own.

/** A year's value as the chart holds it: a four-digit evaluation year, such as 2021. */
export type Year = number;

/** The chart handle, on the element as `element.rankclimb` once `rankclimb:ready` fires. */
export interface RankClimbChart {
  /** Play the entry animation again from the start. */
  replay(): void;
  /** Switch the language of every word on the chart. Throws on any other tag. */
  setLanguage(tag: 'zh-CN' | 'en'): void;
  /** Switch the palette; `undefined` follows the reader's colour scheme. Forced colours win. */
  setTheme(name?: 'dark' | 'light'): void;
  /** Draw the climb up to `year` and hold it there. Throws when the chart has no such year. */
  goToYear(year: Year): void;
  /**
   * A scrollytelling step: go to the year `value` names (a year, or the first words of one of
   * the chart's notes), hold it there and announce its rank in the live region. Returns the
   * year, or `undefined` when `value` names none.
   */
  showStep(value: string): Year | undefined;
  /**
   * Where `year`'s point is, in CSS pixels from the rank canvas's top left corner, as
   * `[x, y]`; `peer` picks another place on the chart. `undefined` while it is not drawn.
   */
  pointOf(year: Year, peer?: number): [number, number] | undefined;
  /** The figures as CSV text, as the download button saves them. */
  csvText(): string;
  /** The palette in use: "light", "dark" or "contrast" (forced colours). */
  readonly theme: 'light' | 'dark' | 'contrast';
  /** Stop the chart and remove its listeners; the handle is dead afterwards. */
  destroy(): void;
}

/** `detail` of `rankclimb:year`: the year inspected on the rank chart (pointer, key or step). */
export interface RankClimbYearDetail {
  year: Year;
}

/** `detail` of `rankclimb:ready`. */
export interface RankClimbReadyDetail {
  chart: RankClimbChart;
}

/** `detail` of `rankclimb:error`: what the reader was told, and the cause for the console. */
export interface RankClimbErrorDetail {
  /** "fetch": the data file did not load; "wasm": the chart could not start (a still
   *  picture is shown); "chart": the data file was refused (its problems are shown). */
  kind: 'fetch' | 'wasm' | 'chart';
  message: string;
  detail: string;
}

export interface RankClimbEventMap {
  'rankclimb:ready': CustomEvent<RankClimbReadyDetail>;
  'rankclimb:year': CustomEvent<RankClimbYearDetail>;
  'rankclimb:error': CustomEvent<RankClimbErrorDetail>;
}

/**
 * `<rank-climb src="data/NAME.json" view="rank" lang="en" theme="dark">`. `lang` and `theme`
 * are live. The same options on a `<div>` are `data-rankclimb` (the data file), `data-view`,
 * `data-lang`, `data-theme` and `data-timeout`.
 */
export interface RankClimbElement extends HTMLElement {
  /** The chart, once `rankclimb:ready` has fired. */
  rankclimb?: RankClimbChart;
  addEventListener<K extends keyof RankClimbEventMap>(
    type: K,
    listener: (this: RankClimbElement, ev: RankClimbEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

/** The attributes of <rank-climb>, and of a step element in the article. */
export interface RankClimbAttributes {
  /** The data file's URL. */
  src: string;
  /** "rank": the rank chart alone; absent: the whole infographic. */
  view?: 'rank';
  lang?: 'zh-CN' | 'en';
  theme?: 'dark' | 'light';
  /** Milliseconds to wait for the data file (10000). */
  timeout?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'rank-climb': RankClimbElement;
  }
  interface HTMLElementEventMap extends RankClimbEventMap {}
}
