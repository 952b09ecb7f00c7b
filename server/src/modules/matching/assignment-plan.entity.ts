import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Position } from '../position/position.entity';
import { Employee } from '../employee/employee.entity';

export const PLAN_STATUSES = ['DRAFT', 'APPLIED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * A saved assignment plan. Each item keeps the position the employee held
 * when the plan was made, so applying a plan after someone moved is detected
 * and refused instead of silently undoing the other move.
 */
@Entity({ tableName: 'assignment_plan' })
export class AssignmentPlan {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Enum({ items: () => [...PLAN_STATUSES], type: 'string' })
  status: Opt<PlanStatus> = 'DRAFT';

  @Property({ type: 'date' })
  asOf!: string;

  @Property({ type: 'double' })
  totalJpm!: number;

  @Property({ type: 'double' })
  greedyTotalJpm!: number;

  @Property({ type: 'smallint' })
  greedyFilled!: number;

  @Property({ type: 'string' })
  createdBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'string', nullable: true })
  appliedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  appliedAt?: Date | null;

  @OneToMany(() => AssignmentPlanItem, (i) => i.plan, { orphanRemoval: true })
  items = new Collection<AssignmentPlanItem>(this);
}

@Entity({ tableName: 'assignment_plan_item' })
export class AssignmentPlanItem {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => AssignmentPlan, { deleteRule: 'cascade', index: true })
  plan!: AssignmentPlan;

  @ManyToOne(() => Position, { deleteRule: 'cascade', index: true })
  position!: Position;

  @Property({ type: 'smallint' })
  seat!: number;

  @ManyToOne(() => Employee, { nullable: true, deleteRule: 'cascade', index: true })
  employee?: Employee | null;

  /** The employee's position when the plan was made (null = unplaced then). */
  @ManyToOne(() => Position, { nullable: true, deleteRule: 'set null', index: true })
  fromPosition?: Position | null;

  @Property({ type: 'double', nullable: true })
  jpm?: number | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
