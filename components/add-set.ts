/**
 * The questions "Add these to my flashcards" adds, the same set in the overlay, the popup and the side
 * panel: the best matches shown in the overlay.
 */
import type { CardSummary } from '@/utils/page-view';

export const ADD_SET_SIZE = 3;

export const cardsToAdd = (cards: readonly CardSummary[]): readonly CardSummary[] => cards.slice(0, ADD_SET_SIZE);
