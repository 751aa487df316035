/**
 * The screens of screen-definition.ts, each with a tab holding its fields. Fields are only ever added: an admin
 * who put more fields on a screen keeps them.
 */
import type { Screen, ScreenTab } from '../ports/configuration-port';
import type { LogicalField } from '../site-config';
import { ensureObject, type Found } from './ensure-object';
import { runStep } from './run-step';
import { SCREEN_KEYS, SCREENS, screenFieldId, screenFieldName, type ScreenKey } from './screen-definition';
import type { SetupContext } from './setup-context';
import { isOwn, ownDescription, SCREEN_TAB_NAME, sameName } from './setup-names';

export const describeScreen = (screen: Screen): string => `screen "${screen.name}" (${screen.id})`;

export const findScreen = async (
  ctx: Pick<SetupContext, 'jira'>,
  name: string,
): Promise<Found<Screen> | undefined> => {
  const screen = (await ctx.jira.searchScreens(name)).find((candidate) => sameName(candidate.name, name));
  return screen === undefined ? undefined : { value: screen, own: isOwn(screen.description) };
};

const ensureTab = async (
  ctx: SetupContext,
  screen: Screen,
): Promise<{ tabs: ScreenTab[]; first: ScreenTab }> => {
  const tabs = await ctx.jira.listScreenTabs(screen.id);
  const first = tabs[0];
  if (first !== undefined) return { tabs, first };
  const key = `tab:${screen.id}`;
  ctx.report.attempting(key);
  const created = await ctx.jira.createScreenTab(screen.id, SCREEN_TAB_NAME);
  ctx.report.created(key, `tab "${created.name}" of screen "${screen.name}"`);
  return { tabs: [created], first: created };
};

const ensureScreenFields = async (
  ctx: SetupContext,
  screenKey: ScreenKey,
  screen: Screen,
  fieldIds: Readonly<Record<LogicalField, string>>,
): Promise<void> => {
  const { tabs, first } = await ensureTab(ctx, screen);
  const present = new Set<string>();
  for (const tab of tabs)
    for (const id of await ctx.jira.listScreenTabFields(screen.id, tab.id)) present.add(id);
  const key = `screen-fields:${screen.id}`;
  const label = `fields on screen "${screen.name}"`;
  const wanted = SCREENS[screenKey].fields;
  for (const field of wanted) {
    const id = screenFieldId(field, fieldIds);
    const name = screenFieldName(field);
    if (present.has(id)) {
      ctx.report.itemPresent(key, label, name);
      continue;
    }
    ctx.report.attemptingItem(key, name);
    await ctx.jira.addScreenTabField(screen.id, first.id, id);
    ctx.report.itemAdded(key, label, name);
  }
  if (wanted.length > 0) ctx.report.found(key, label, 'skipped');
};

const ensureScreen = async (
  ctx: SetupContext,
  screenKey: ScreenKey,
  fieldIds: Readonly<Record<LogicalField, string>>,
): Promise<Screen> => {
  const definition = SCREENS[screenKey];
  const screen = await ensureObject(ctx.report, {
    key: `screen:${definition.name}`,
    describe: describeScreen,
    find: () => findScreen(ctx, definition.name),
    create: () =>
      ctx.jira.createScreen({ name: definition.name, description: ownDescription(definition.description) }),
  });
  await ensureScreenFields(ctx, screenKey, screen, fieldIds);
  return screen;
};

export const ensureScreens = async (
  ctx: SetupContext,
  fieldIds: Readonly<Record<LogicalField, string>>,
): Promise<Record<ScreenKey, string>> => {
  const ids: Partial<Record<ScreenKey, string>> = {};
  for (const key of SCREEN_KEYS) {
    const screen = await runStep(ctx.report, `screen "${SCREENS[key].name}"`, () =>
      ensureScreen(ctx, key, fieldIds),
    );
    ids[key] = screen.id;
  }
  return ids as Record<ScreenKey, string>;
};
