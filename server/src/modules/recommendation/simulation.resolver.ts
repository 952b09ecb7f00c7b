import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PolicyParametersInput } from '../policy/policy.types';
import { RequirementInput } from '../position/position.types';
import { SimulationResult } from './simulation.types';
import { simulatePolicy, simulateStandard } from './simulation.service';

@Resolver()
export class SimulationResolver {
  @Query(() => SimulationResult, {
    description: 'What if the active policy changed? Before/after distribution of JPM categories (holders in their positions), 9-box and recommendation counts per unit, '
      + 'computed with the changed parameters on the same data. Writes nothing.',
  })
  async simulatePolicy(
    @Arg('changes', () => PolicyParametersInput, { description: 'Parameters to change; omitted keys keep the active version\'s values.' }) changes: PolicyParametersInput,
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Year for lesson hours; the year of asOf by default.' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<SimulationResult> {
    return simulatePolicy(ctx, changes, asOf, year);
  }

  @Query(() => SimulationResult, {
    description: 'What if a position\'s competency standard were replaced? Same before/after figures as simulatePolicy, computed in a transaction that is always rolled back. Writes nothing.',
  })
  async simulateStandard(
    @Arg('position', () => ID, { description: 'Position id.' }) position: string,
    @Arg('requirements', () => [RequirementInput], { description: 'The proposed standard (replaces the whole current one): levels 1–5, each competency once.' }) requirements: RequirementInput[],
    @Arg('asOf', () => String, { nullable: true, description: 'Reference date (YYYY-MM-DD); today by default.' }) asOf: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Year for lesson hours; the year of asOf by default.' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<SimulationResult> {
    return simulateStandard(ctx, position, requirements, asOf, year);
  }
}
