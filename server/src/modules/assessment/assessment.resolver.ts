import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DeletePayload } from '../../graphql/mutation';
import { Employee } from '../employee/employee.entity';
import { Competency } from '../competency/competency.entity';
import { CompetencyAssessment } from './competency-assessment.entity';
import { AssessmentCorrectionInput, AssessmentInput, AssessmentPayload } from './assessment.types';
import { deleteAssessment, recordAssessment, updateAssessment } from './assessment.service';

@Resolver(() => CompetencyAssessment)
export class CompetencyAssessmentResolver {
  @FieldResolver(() => Employee, { description: 'The assessed employee.' })
  async employee(@Root() assessment: CompetencyAssessment, @Ctx() ctx: Context): Promise<Employee> {
    return (await ctx.loaders.byId(Employee).load(assessment.employee.id))!;
  }

  @FieldResolver(() => Competency, { description: 'The assessed competency.' })
  async competency(@Root() assessment: CompetencyAssessment, @Ctx() ctx: Context): Promise<Competency> {
    return (await ctx.loaders.byId(Competency).load(assessment.competency.id))!;
  }

  @Mutation(() => AssessmentPayload, { description: 'Record a competency assessment. History is kept: an assessment already recorded for the same employee, competency and date is refused as DUPLICATE, never overwritten.' })
  async recordAssessment(@Arg('input', () => AssessmentInput) input: AssessmentInput, @Ctx() ctx: Context): Promise<AssessmentPayload> {
    const r = await recordAssessment(ctx, input);
    return { assessment: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => AssessmentPayload, { description: 'Correct a wrongly entered assessment (level, date or method).' })
  async updateAssessment(
    @Arg('id', () => ID, { description: 'Assessment id.' }) id: string,
    @Arg('input', () => AssessmentCorrectionInput) input: AssessmentCorrectionInput,
    @Ctx() ctx: Context,
  ): Promise<AssessmentPayload> {
    const r = await updateAssessment(ctx, id, input);
    return { assessment: r.value, userErrors: r.userErrors };
  }

  @Mutation(() => DeletePayload, { description: 'Delete a wrongly entered assessment.' })
  async deleteAssessment(@Arg('id', () => ID, { description: 'Assessment id.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const r = await deleteAssessment(ctx, id);
    return { deletedId: r.value, userErrors: r.userErrors };
  }
}
