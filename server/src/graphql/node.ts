import { Field, ID, InterfaceType } from 'type-graphql';
import { GraphQLError } from 'graphql';
import type { Opt } from '@mikro-orm/core';

/**
 * Relay global object identification. Every entity type implements Node; its
 * global id is base64("<TypeName>:<database id>") so ids from different
 * tables never collide and clients treat them as opaque.
 */
@InterfaceType('Node', { description: 'An object with a globally unique, opaque ID that `node(id:)` resolves.' })
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Globally unique, opaque identifier of this object.' })
  // Opt: MikroORM must not treat this computed getter as required entity data.
  get nodeId(): Opt<string> {
    return toGlobalId(this.constructor.name, (this as unknown as { id: number }).id);
  }
}

export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  typeName: string;
  id: number;
}

export function fromGlobalId(globalId: string): DecodedId | null {
  let decoded: string;
  try {
    decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  } catch {
    return null;
  }
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(decoded);
  if (!m) return null;
  return { typeName: m[1]!, id: Number(m[2]) };
}

/** Decodes a global id expected to be of one type; throws a user-facing error naming the argument otherwise. */
export function expectGlobalId(globalId: string, typeName: string, argument: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.typeName !== typeName) {
    throw new GraphQLError(`Argument "${argument}" is not a valid ${typeName} id: ${JSON.stringify(globalId)}`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
    });
  }
  return decoded.id;
}
