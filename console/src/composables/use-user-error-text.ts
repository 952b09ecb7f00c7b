import { useI18n } from 'vue-i18n';
import type { MessageSchema } from '../i18n/id';
import type { UserError } from './use-mutation-form';

type KnownCode = keyof MessageSchema['userError'];

/**
 * The server's messages are English and technical; users see a short text in the
 * console language chosen by the error code, and the server's message where the
 * code is one this console does not know yet.
 */
export function useUserErrorText(): (error: UserError) => string {
  const { t, tm } = useI18n();
  return (error) => {
    const known = Object.keys(tm('userError')).includes(error.code);
    return known ? t(`userError.${error.code as KnownCode}`) : error.message;
  };
}
