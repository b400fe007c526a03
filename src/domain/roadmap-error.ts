// Input that cannot become a roadmap: the message is one line for the person who chose the file.

export class RoadmapInputError extends Error {
  /** Lets callers in another realm (Apps Script, a vm context) recognise the error without `instanceof`. */
  readonly code = 'ROADMAP_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'RoadmapInputError';
  }
}

export function isRoadmapInputError(e: unknown): e is RoadmapInputError {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ROADMAP_INPUT';
}
