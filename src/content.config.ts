import { readdirSync } from 'node:fs';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { scenarioSchemaFor } from './exercises/scenario-schema';

/** Lesson files are `NN-slug.mdx`; the number orders the syllabus, the URL is `/lessons/slug/`. */
const lessonId = ({ entry }: { entry: string }) =>
  entry === 'index.mdx' ? 'index' : `lessons/${entry.replace(/^\d+-/, '').replace(/\.mdx?$/, '')}`;

/** The lessons' slugs, from their file names: a scenario naming any other lesson fails the build. */
const lessonSlugs = readdirSync('./content/lessons')
  .filter((file) => /^\d+-.+\.mdx?$/.test(file))
  .map((file) => file.replace(/^\d+-/, '').replace(/\.mdx?$/, ''));

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/lessons', pattern: '**/*.{md,mdx}', generateId: lessonId }),
    schema: docsSchema(),
  }),
  scenarios: defineCollection({
    loader: glob({ base: './content/scenarios', pattern: '*.json' }),
    schema: scenarioSchemaFor(lessonSlugs as [string, ...string[]]),
  }),
};
