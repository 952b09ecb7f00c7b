import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLError } from 'graphql';
import type { Context } from '../../graphql/context';
import { expectGlobalId } from '../../graphql/node';
import { PolicyVersion } from './policy-version.entity';
import { PolicyComparison, PolicyParametersInput, PolicyVersionPayload } from './policy.types';
import { activatePolicyVersion, createPolicyVersion, diffParameters, updatePolicyVersion } from './policy-admin.service';

@Resolver(() => PolicyVersion)
export class PolicyResolver {
  @Query(() => [PolicyVersion], { description: 'Every policy version, newest first (drafts, the active one and retired ones: the history is kept).' })
  async policyVersions(@Ctx() ctx: Context): Promise<PolicyVersion[]> {
    return ctx.em.find(PolicyVersion, {}, { orderBy: { version: 'desc' } });
  }

  @Query(() => PolicyVersion, { nullable: true, description: 'The active policy version, whose parameters every rule uses; null only on a database never bootstrapped.' })
  async activePolicy(@Ctx() ctx: Context): Promise<PolicyVersion | null> {
    return ctx.em.findOne(PolicyVersion, { status: 'ACTIVE' });
  }

  @Query(() => PolicyComparison, { description: 'The parameters that differ between two versions (missing keys of older versions count as their defaults).' })
  async comparePolicyVersions(
    @Arg('a', () => ID, { description: 'First policy version id.' }) a: string,
    @Arg('b', () => ID, { description: 'Second policy version id.' }) b: string,
    @Ctx() ctx: Context,
  ): Promise<PolicyComparison> {
    // Both ids are checked before either load starts: a bad `b` must not leave `a`'s load un-awaited
    // (it would reject after the request's transaction ended, as an unhandled rejection).
    const idA = expectGlobalId(a, 'PolicyVersion', 'a');
    const idB = expectGlobalId(b, 'PolicyVersion', 'b');
    const [va, vb] = await Promise.all([ctx.loaders.byId(PolicyVersion).load(idA), ctx.loaders.byId(PolicyVersion).load(idB)]);
    if (!va || !vb) throw new GraphQLError(`Policy version ${!va ? a : b} does not exist.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: !va ? 'a' : 'b' } });
    return { a: va, b: vb, changes: diffParameters(va.parameters, vb.parameters) };
  }

  @Mutation(() => PolicyVersionPayload, { description: 'Create a DRAFT policy version: the base version\'s parameters (the active one by default) with the given changes. Nothing uses it until it is activated.' })
  async createPolicyVersion(
    @Arg('name', () => String, { description: 'Short name, e.g. "JP 24 from 2026".' }) name: string,
    @Arg('parameters', () => PolicyParametersInput, { description: 'Parameter values; omitted keys keep the base version\'s.' }) parameters: PolicyParametersInput,
    @Arg('basedOn', () => ID, { nullable: true, description: 'Version to start from; the active one by default.' }) basedOn: string | null,
    @Ctx() ctx: Context,
  ): Promise<PolicyVersionPayload> {
    const r = await createPolicyVersion(ctx, name, parameters, basedOn);
    return { policyVersion: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => PolicyVersionPayload, { description: 'Change a DRAFT version (name and/or parameters); ACTIVE and RETIRED versions are history and cannot change.' })
  async updatePolicyVersion(
    @Arg('id', () => ID, { description: 'Policy version id.' }) id: string,
    @Arg('name', () => String, { nullable: true, description: 'New name; unchanged when omitted.' }) name: string | null,
    @Arg('parameters', () => PolicyParametersInput, { nullable: true, description: 'Parameter changes on top of the draft\'s current values.' }) parameters: PolicyParametersInput | null,
    @Ctx() ctx: Context,
  ): Promise<PolicyVersionPayload> {
    const r = await updatePolicyVersion(ctx, id, name, parameters);
    return { policyVersion: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => PolicyVersionPayload, { description: 'Make a version the active one (a draft, or a retired one again); the previously active version becomes RETIRED. Who and when are recorded on both. The legacy 80/68 JPM scheme is seeded as a draft: activating it is this one call.' })
  async activatePolicyVersion(@Arg('id', () => ID, { description: 'Policy version id.' }) id: string, @Ctx() ctx: Context): Promise<PolicyVersionPayload> {
    const r = await activatePolicyVersion(ctx, id);
    return { policyVersion: r.value?.activated ?? null, retired: r.value?.retired ?? null, userErrors: r.userErrors };
  }
}
