import type { ImportMapping } from '@assessment-dashboard/core';
import { ScaledElement } from '../styles/scaled-element.ts';
import type { LoadState } from './load-state.ts';

/** The file-size limit when `max-mb` is absent or not a positive number. */
export const DEFAULT_MAX_MB = 1024;

/**
 * The dashboard's reactive properties and their defaults (documented on AssessmentDashboard, which adds
 * the behaviour): kept apart so that the element reads as what it does.
 */
export class DashboardProperties extends ScaledElement {
  static override properties = {
    src: { type: String },
    disclosures: { type: String },
    requests: { type: String },
    hotline: { type: String },
    items: { type: String },
    steps: { type: String },
    receipts: { type: String },
    lang: { type: String, reflect: true },
    heading: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    asOf: { type: String, attribute: 'as-of', reflect: true },
    assetBase: { type: String, attribute: 'asset-base' },
    maxMb: { type: Number, attribute: 'max-mb' },
    mapping: { type: String },
    config: { type: String },
    configuration: { attribute: false },
    sheet: { type: String },
    urlState: { type: String, attribute: 'url-state' },
    offlineGuard: { type: Boolean, attribute: 'offline-guard' },
    engineUrl: { type: String, attribute: 'engine' },
    engineDialect: { type: String, attribute: 'engine-dialect' },
    period: { type: String },
    panels: { type: String },
    snapshot: { type: String },
    _copied: { state: true },
    _linkText: { state: true },
    _urlIgnored: { state: true },
    _badMaxMb: { state: true },
    importMapping: { attribute: false },
    _state: { state: true },
    _dragging: { state: true },
    _views: { state: true },
  };
  declare src: string | undefined;
  declare disclosures: string | undefined;
  declare requests: string | undefined;
  declare hotline: string | undefined;
  declare items: string | undefined;
  declare steps: string | undefined;
  declare receipts: string | undefined;
  declare lang: string;
  declare heading: string | undefined;
  declare headingLevel: number | undefined;
  declare asOf: string | undefined;
  declare assetBase: string | undefined;
  declare maxMb: number;
  declare mapping: string | undefined;
  declare config: string | undefined;
  declare configuration: unknown;
  declare sheet: string | undefined;
  declare urlState: string | undefined;
  declare offlineGuard: boolean;
  declare engineUrl: string | undefined;
  declare engineDialect: string | undefined;
  declare period: string | undefined;
  declare panels: string | undefined;
  declare snapshot: string | undefined;
  declare importMapping: ImportMapping | undefined;
  declare _copied: boolean;
  declare _linkText: string | undefined;
  /** Parts of the URL's selection that name no known dataset column: shown in the chip area, not applied. */
  declare _urlIgnored: string[];
  /** The `max-mb` value that was refused (the default limit applies), for the note under the title. */
  declare _badMaxMb: string | undefined;
  /** The session's state, mirrored so that every change renders. */
  declare _state: LoadState;
  declare _dragging: boolean;
  /** Panels' own view states (the drill-down path), by panel name; cleared when the numbers are computed anew. */
  declare _views: Readonly<Record<string, unknown>>;

  constructor() {
    super();
    this.lang = '';
    this.maxMb = DEFAULT_MAX_MB;
    this.offlineGuard = false;
    this._copied = false;
    this._urlIgnored = [];
    this._state = { phase: 'idle' };
    this._dragging = false;
    this._views = {};
  }
}
