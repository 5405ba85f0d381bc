/**
 * 好差评 five levels (国办发〔2019〕51号; DOMAIN §3, §7.a): `rating` 5 非常满意, 4 满意, 3 基本满意, 2 不满意,
 * 1 非常不满意. 非常满意/满意 = 好评, 基本满意 = 中评, 不满意/非常不满意 = 差评 (the national exchange: grade < 3).
 * Values outside 1–5 are not a valid evaluation and count nowhere.
 */
export const VALID_RATING = 'rating BETWEEN 1 AND 5';
export const GOOD_RATING = 'rating BETWEEN 4 AND 5';
export const BAD_RATING = 'rating BETWEEN 1 AND 2';
