/** Static JSON for each scenario, fetched by the playground (which serves any scenario from one page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { exerciseConfig } from '../../exercises/load';

export const getStaticPaths = (async () =>
  (await getCollection('scenarios')).map((entry) => ({ params: { id: entry.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await exerciseConfig(params.id!)), { headers: { 'Content-Type': 'application/json' } });
