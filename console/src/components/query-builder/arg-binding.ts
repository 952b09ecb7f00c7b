import type { InjectionKey } from 'vue';
import type { GraphQLInputType } from 'graphql';
import type { ArgValue } from './query-model';

/** What the argument editors need from the page to bind values to named variables and back. */
export interface ArgBinding {
  /** Declares a variable of `type` holding the value's current content; returns the reference to put in its place. */
  bind(type: GraphQLInputType, value: ArgValue | undefined, suggestedName: string): ArgValue;
  /** The literal for a variable's current value, to put in place of the reference. */
  unbind(type: GraphQLInputType, name: string): ArgValue;
}

export const argBindingKey: InjectionKey<ArgBinding> = Symbol('sikap.query-builder.arg-binding');
