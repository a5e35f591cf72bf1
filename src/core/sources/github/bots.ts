/** A GitHub actor as both APIs describe it: REST `user.type`, GraphQL `author.__typename`. */
export interface Actor {
  login: string;
  /** 'Bot' | 'User' | 'Organization' | 'Mannequin' ... */
  type: string;
}

/** Spec Conventions: a bot is `type == "Bot"` or a login ending in `[bot]`. */
export function isBot(actor: Actor | null | undefined): boolean {
  if (!actor) return false;
  return actor.type === 'Bot' || /\[bot\]$/i.test(actor.login);
}
