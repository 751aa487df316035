/**
 * Jira's light or dark theme for the app: `view.theme.enable()` asks the host to apply the user's theme, so
 * Atlaskit components and `token()` styles follow it (FORGE_NOTES §9). A host that cannot theme leaves the page in
 * light colours, which is readable: say so in the console instead of failing the page.
 */
import { view } from '@forge/bridge';

export const enableTheme = async (): Promise<void> => {
  try {
    await view.theme.enable();
  } catch (error) {
    console.warn('Theming is not available here; the page stays in light colours.', error);
  }
};
