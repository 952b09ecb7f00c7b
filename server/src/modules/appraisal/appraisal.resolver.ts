import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DeletePayload } from '../../graphql/mutation';
import { Employee } from '../employee/employee.entity';
import { PerformanceAppraisal } from './performance-appraisal.entity';
import { AppraisalChangeInput, AppraisalInput, AppraisalPayload } from './appraisal.types';
import { createAppraisal, deleteAppraisal, updateAppraisal } from './appraisal.service';

@Resolver(() => PerformanceAppraisal)
export class PerformanceAppraisalResolver {
  @FieldResolver(() => Employee, { description: 'The appraised employee.' })
  async employee(@Root() appraisal: PerformanceAppraisal, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.byId(Employee).load(appraisal.employee.id))!;
  }

  @Mutation(() => AppraisalPayload, { description: 'Record a performance appraisal; the payload returns the predicate the database derives from the two ratings.' })
  async createAppraisal(@Arg('input', () => AppraisalInput) input: AppraisalInput, @Ctx() ctx: Context): Promise<AppraisalPayload> {
    const r = await createAppraisal(ctx, input);
    return { appraisal: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => AppraisalPayload, { description: 'Change an appraisal; omitted fields stay as they are and the predicate is derived again.' })
  async updateAppraisal(
    @Arg('id', () => ID, { description: 'Appraisal id.' }) id: string,
    @Arg('input', () => AppraisalChangeInput) input: AppraisalChangeInput,
    @Ctx() ctx: Context,
  ): Promise<AppraisalPayload> {
    const r = await updateAppraisal(ctx, id, input);
    return { appraisal: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete an appraisal.' })
  async deleteAppraisal(@Arg('id', () => ID, { description: 'Appraisal id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteAppraisal(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}
