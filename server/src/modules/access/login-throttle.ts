import { LoginThrottle } from './throttle';

/** Process-wide: failed sign-ins count against an e-mail however many app instances share the process. */
export const loginThrottle = new LoginThrottle();
