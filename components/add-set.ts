/**
 * The questions "Add these to my flashcards" adds, the same set in the overlay, the popup and the side
 * panel: the best matches shown in the overlay.
 */
import { TOP_CARDS } from '@/utils/badge-label';
import type { CardSummary } from '@/utils/page-view';

export const ADD_SET_SIZE = TOP_CARDS;

export const cardsToAdd = (cards: readonly CardSummary[]): readonly CardSummary[] => cards.slice(0, ADD_SET_SIZE);
