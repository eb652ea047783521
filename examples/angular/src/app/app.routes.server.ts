import { RenderMode } from '@angular/ssr';
import type { ServerRoute } from '@angular/ssr';

// Every page is prerendered at build time: the server imports gws-rx and renders the login form and the
// server-check page, never creating a browser client.
export const serverRoutes: ServerRoute[] = [{ path: '**', renderMode: RenderMode.Prerender }];
