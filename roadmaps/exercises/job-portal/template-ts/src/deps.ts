// What the route modules get from app.ts (done for you).
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';

export interface Deps {
  db: Pool;
  /** Verifies the bearer token and sets req.user. */
  auth: RequestHandler;
  /** After auth: only employers get through. */
  employer: RequestHandler;
  /** After auth: only candidates get through. */
  candidate: RequestHandler;
}

export interface Job {
  id: number;
  employer: string;
  title: string;
  description: string;
  location: string;
  remote: boolean;
  salary_min: number;
  salary_max: number;
  status: 'open' | 'closed';
}
