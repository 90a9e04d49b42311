import type Router from '@koa/router';
import { CONSOLE_CSS } from '../assets/console-css';

/**
 * The console's own static files, served by the bot (college intranets often have no internet, so
 * nothing comes from a CDN). Third-party browser code is added here from its npm package.
 */
const ASSETS: Record<string, { type: string; body: () => string | Buffer }> = {
  'console.css': { type: 'text/css; charset=utf-8', body: () => CONSOLE_CSS },
};

export function assetRoutes(router: Router): void {
  router.get('/assets/:name', (ctx) => {
    const asset = ASSETS[ctx.params.name ?? ''];
    if (!asset) {
      ctx.status = 404;
      return;
    }
    ctx.type = asset.type;
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = asset.body();
  });
}
