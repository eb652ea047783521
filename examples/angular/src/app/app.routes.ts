import type { Routes } from '@angular/router';
import { Desk } from './desk';
import { ServerCheck } from './server-check';

export const routes: Routes = [
  { path: '', component: Desk },
  { path: 'server-check', component: ServerCheck },
  { path: '**', redirectTo: '' },
];
