import type { DashboardPanel } from './panel.ts';

const registry = new Map<string, DashboardPanel>();

/**
 * Adds a panel to every dashboard on the page (or replaces the one of that name). Panels show in the
 * order they were registered (the built-in ones first); the `panels` attribute picks among them by name.
 */
export function registerPanel(panel: DashboardPanel): void {
  registry.set(panel.name, panel);
}

/** Every registered panel, in order. */
export const registeredPanels = (): DashboardPanel[] => [...registry.values()];

/** The panels a `panels` attribute names (every registered one when it names none), in registry order. */
export function pickPanels(attribute: string | undefined): DashboardPanel[] {
  const names = attribute?.trim() ? new Set(attribute.split(/[\s,]+/)) : undefined;
  return registeredPanels().filter((p) => !names || names.has(p.name));
}
