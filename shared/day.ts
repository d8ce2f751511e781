// One day in milliseconds: the unit of policies, cadences and due dates. Its own file so that code
// which must stay free of zod (the content script) can have it without the policy schema.
export const DAY = 86_400_000;
