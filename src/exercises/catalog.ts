/** Build-time: the scenario catalog, in syllabus order, with the lesson each belongs to. */
import { getCollection } from 'astro:content';
import type { Scenario } from './scenario-schema';

export interface CatalogEntry {
  id: string;
  scenario: Scenario;
  lessonTitle: string;
  lessonOrder: number;
}

export async function scenarioCatalog(): Promise<CatalogEntry[]> {
  const lessons = await getCollection('docs');
  const bySlug = new Map(lessons.map((l) => [l.id.replace(/^lessons\//, ''), l]));
  const scenarios = (await getCollection('scenarios')).filter((s) => s.id !== 'playground');
  return scenarios
    .map((s) => {
      const lesson = bySlug.get(s.data.lesson);
      return {
        id: s.id,
        scenario: s.data,
        lessonTitle: lesson?.data.title ?? s.data.lesson,
        lessonOrder: lesson?.data.sidebar.order ?? 99,
      };
    })
    .sort((a, b) => a.lessonOrder - b.lessonOrder || a.scenario.difficulty - b.scenario.difficulty || a.id.localeCompare(b.id));
}
