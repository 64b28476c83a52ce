import type { Entity, Lexicons } from './lexicons.ts';

export type EntityMention = { start: number; end: number; entity: Entity };

/**
 * Alias-table entities named in a folded token sequence, longest match first
 * ("verenigde staten" before "staten"); prefix patterns catch inflected adjectives (taiwanische).
 */
export function findEntities(words: readonly string[], lexicons: Lexicons): EntityMention[] {
  const mentions: EntityMention[] = [];
  let index = 0;
  while (index < words.length) {
    let found: EntityMention | undefined;
    const longest = lexicons.aliasStarts.has(words[index] ?? '')
      ? Math.min(lexicons.longestAlias, words.length - index)
      : 1;
    for (let length = longest; length >= 1 && !found; length -= 1) {
      const entity = lexicons.aliases.get(words.slice(index, index + length).join(' '));
      if (entity) found = { start: index, end: index + length, entity };
    }
    if (!found) {
      const word = words[index] ?? '';
      const prefix = lexicons.aliasPrefixes.find(([pattern]) => word.startsWith(pattern));
      if (prefix) found = { start: index, end: index + 1, entity: prefix[1] };
    }
    if (found) {
      mentions.push(found);
      index = found.end;
    } else {
      index += 1;
    }
  }
  return mentions;
}

export type ActorIds = { named: Set<string>; roles: Set<string> };

export function actorIds(mentions: readonly EntityMention[]): ActorIds {
  const named = new Set<string>();
  const roles = new Set<string>();
  for (const { entity } of mentions) {
    for (const id of entity.named) named.add(id);
    for (const id of entity.roles) roles.add(id);
  }
  return { named, roles };
}
