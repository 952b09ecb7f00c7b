import type { JpmCategory, Predicate } from '../../graphql/generated/graphql';
import { categoryOptions, isParameterKey, predicateOptions } from './policy-parameters';

type Translate = (key: `predicate.${Predicate}` | `jpmCategory.${JpmCategory}`) => string;

const isPredicate = (v: unknown): v is Predicate => (predicateOptions as readonly unknown[]).includes(v);
const isCategory = (v: unknown): v is JpmCategory => (categoryOptions as readonly unknown[]).includes(v);

/** A parameter value as people read it: enum labels in the console language, box lists joined. */
export function formatParameter(key: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined) return '—';
  if (isParameterKey(key) && key === 'minPredicate' && isPredicate(value)) return t(`predicate.${value}`);
  if (isParameterKey(key) && key === 'candidateMinCategory' && isCategory(value)) return t(`jpmCategory.${value}`);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
