import { describe, expect, it } from 'vitest';
import { defineComponent, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import urql from '@urql/vue';
import { CreateUnitDocument, type UnitType } from '../graphql/generated/graphql';
import { createFakeClient, settle, type FakeHandler } from '../testing/fake-client';
import { stripInputPrefix, useMutationForm } from './use-mutation-form';

function setup(handler: FakeHandler) {
  const fake = createFakeClient({ CreateUnit: handler });
  const start = () =>
    useMutationForm({
      mutation: CreateUnitDocument,
      initialValues: () => ({ code: '', name: '', type: null as UnitType | null, parent: null as string | null }),
      toVariables: (v) => ({ input: { code: v.code, name: v.name, type: v.type, parent: v.parent } }),
      payload: (data) => data.createUnit,
    });
  let form!: ReturnType<typeof start>;
  mount(defineComponent({ setup: () => ((form = start()), () => null) }), { global: { plugins: [[urql, fake.client]] } });
  return { fake, form: () => form };
}

const created = { __typename: 'Unit', id: 'U9', code: 'BAPPEDA', name: 'Bappeda', type: 'BADAN', parent: null };

describe('useMutationForm', () => {
  it('sends the values and reports success', async () => {
    const { fake, form } = setup(() => ({ data: { createUnit: { unit: created, userErrors: [] } } }));
    Object.assign(form().values, { code: 'BAPPEDA', name: 'Bappeda', type: 'BADAN' });
    const result = await form().submit();
    expect(fake.calls('CreateUnit')[0]).toEqual({ input: { code: 'BAPPEDA', name: 'Bappeda', type: 'BADAN', parent: null } });
    expect(result.ok).toBe(true);
    expect(result.payload?.unit?.id).toBe('U9');
    expect(form().hasErrors.value).toBe(false);
  });

  it('puts each user error next to its field and the rest on the form', async () => {
    const { form } = setup(() => ({
      data: {
        createUnit: {
          unit: null,
          userErrors: [
            { field: 'input.code', code: 'INVALID', message: 'input.code must be 1–64 letters' },
            { field: 'input.code', code: 'DUPLICATE', message: 'second error on code is not shown' },
            { field: 'input.name', code: 'REQUIRED', message: 'input.name is required.' },
            { field: null, code: 'CONFLICT', message: 'whole input' },
            { field: 'input.unknownField', code: 'INVALID', message: 'a field the form does not have' },
          ],
        },
      },
    }));
    form().values.code = 'bad code!';
    const result = await form().submit();
    expect(result.ok).toBe(false);
    expect(form().fieldErrors.value.code).toMatchObject({ code: 'INVALID' });
    expect(form().fieldErrors.value.name).toMatchObject({ code: 'REQUIRED' });
    expect(form().formErrors.value.map((e) => e.code)).toEqual(['CONFLICT', 'INVALID']);
  });

  it('clears a field error as soon as that field is edited, and only that one', async () => {
    const { form } = setup(() => ({
      data: {
        createUnit: {
          unit: null,
          userErrors: [
            { field: 'input.code', code: 'INVALID', message: 'x' },
            { field: 'input.name', code: 'REQUIRED', message: 'y' },
          ],
        },
      },
    }));
    await form().submit();
    form().values.code = 'OK';
    await nextTick();
    expect(form().fieldErrors.value.code).toBeUndefined();
    expect(form().fieldErrors.value.name).toBeDefined();
  });

  it('keeps transport errors apart from user errors', async () => {
    const { form } = setup(() => ({ networkError: new Error('connection refused') }));
    const result = await form().submit();
    await settle();
    expect(result.ok).toBe(false);
    expect(form().error.value?.networkError?.message).toBe('connection refused');
    expect(form().fieldErrors.value).toEqual({});
  });

  it('resets to the initial values', async () => {
    const { form } = setup(() => ({ data: { createUnit: { unit: null, userErrors: [{ field: 'input.code', code: 'REQUIRED', message: '' }] } } }));
    form().values.name = 'x';
    await form().submit();
    form().reset({ code: 'NEW' });
    expect(form().values).toEqual({ code: 'NEW', name: '', type: null, parent: null });
    expect(form().hasErrors.value).toBe(false);
  });
});

describe('stripInputPrefix', () => {
  it('maps API field paths to form fields', () => {
    expect(stripInputPrefix('input.code')).toBe('code');
    expect(stripInputPrefix('id')).toBe('id');
    expect(stripInputPrefix('input.')).toBeNull();
  });
});
