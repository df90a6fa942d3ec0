import type { QuestionContent } from '../../shared/questions/question-schema.js';

/**
 * The demo's degree-English paper (成人学位外语, seed 002): vocabulary, reading, cloze, several
 * answers, word forms, translation and writing, 100 points, pass mark 60. Each question also
 * goes into the demo school's bank under its 题号 (`key`), tagged by part.
 */
export interface DemoQuestion {
  key: string;
  points: number;
  difficulty: number;
  passage?: 'reading' | 'cloze';
  content: QuestionContent;
}

export interface DemoSection {
  title: string;
  instructions: string;
  tag: string;
  shuffleOptions?: boolean;
  questions: DemoQuestion[];
}

export const DEMO_PASSAGES = {
  reading: {
    title: 'Passage One: The Night Library',
    text: [
      'When the city library in Hangzhou began opening its reading rooms until midnight, many people doubted that anyone would come. Within a month the seats were full most evenings. Office workers arrived after their shifts, students came to prepare for examinations, and a surprising number of retired people said they simply enjoyed the quiet.',
      'The librarians noticed that evening readers behaved differently from daytime visitors. They stayed longer, borrowed fewer books and spent more time with newspapers and magazines. Several said that the library was the only calm place they could find after a long day.',
      'The experiment was not free. Electricity, heating and extra staff cost the city about two million yuan a year. Supporters argue that the money is well spent, since the library serves more people per yuan than almost any other public building. Critics reply that the same money could buy many more new books.',
    ].join('\n\n'),
  },
  cloze: {
    title: 'Passage Two: Learning a Language',
    text: 'Learning a foreign language as an adult is not easy, but it is far from impossible. The most important thing is to practise (1)___ day, even if only for a few minutes. Many learners give up because they expect quick (2)___. In fact, progress usually comes slowly and then, (3)___ a sudden, it seems to speed up. Reading simple stories, listening to the radio and talking with friends all (4)___. Above all, do not be (5)___ of making mistakes: they are part of learning.',
  },
};

function choice(
  key: string,
  stem: string,
  options: [string, string, string, string],
  correct: 'A' | 'B' | 'C' | 'D',
  extra: Partial<DemoQuestion> = {},
): DemoQuestion {
  return {
    key,
    points: 2,
    difficulty: 2,
    ...extra,
    content: {
      type: 'single_choice',
      stem,
      options: options.map((text, index) => ({ id: 'ABCD'.charAt(index), text })),
      correct,
    },
  };
}

export const DEMO_FORMAL_SECTIONS: DemoSection[] = [
  {
    title: 'Part I 词汇与结构 (Vocabulary and Structure)',
    instructions: '共 5 小题，每题 2 分。每题有四个选项，请选出一个最佳答案。',
    tag: '词汇',
    shuffleOptions: true,
    questions: [
      choice(
        'WRT-V01',
        'The meeting has been ___ until next Monday because the manager is ill.',
        ['put off', 'put on', 'put up', 'put out'],
        'A',
      ),
      choice(
        'WRT-V02',
        'She is used to ___ up early, so the 6 a.m. train does not worry her.',
        ['get', 'getting', 'got', 'have got'],
        'B',
      ),
      choice(
        'WRT-V03',
        'Not until he came back home ___ that he had lost his keys.',
        ['he realized', 'did he realize', 'he did realize', 'realized he'],
        'B',
        { difficulty: 3 },
      ),
      choice(
        'WRT-V04',
        'The new bridge will ___ the journey between the two towns by half an hour.',
        ['shorten', 'short', 'shortly', 'shortage'],
        'A',
      ),
      choice(
        'WRT-V05',
        'It is high time that we ___ something to protect the environment.',
        ['do', 'will do', 'did', 'have done'],
        'C',
        { difficulty: 3 },
      ),
    ],
  },
  {
    title: 'Part II 阅读理解 (Reading Comprehension)',
    instructions:
      '阅读短文，完成 6 道小题：第 6–9 题每题 3 分，选出最佳答案；第 10–11 题每题 2 分，判断正误。',
    tag: '阅读',
    questions: [
      choice(
        'WRT-R01',
        'What happened after the library began opening until midnight?',
        [
          'Few people came in the evenings.',
          'The reading rooms were full most evenings.',
          'Only students used the library at night.',
          'The library closed its daytime rooms.',
        ],
        'B',
        { passage: 'reading', points: 3 },
      ),
      choice(
        'WRT-R02',
        'Compared with daytime visitors, evening readers ___.',
        [
          'borrowed more books',
          'left sooner',
          'read more newspapers and magazines',
          'were mostly students',
        ],
        'C',
        { passage: 'reading', points: 3 },
      ),
      choice(
        'WRT-R03',
        'Why do supporters think the money is well spent?',
        [
          'The library earns money at night.',
          'It serves more people per yuan than most public buildings.',
          'Electricity is cheaper at night.',
          'It needs no extra staff.',
        ],
        'B',
        { passage: 'reading', points: 3, difficulty: 3 },
      ),
      choice(
        'WRT-R04',
        'What is the best title for the passage?',
        [
          'A City Without Books',
          'Why Libraries Close Early',
          'Reading After Dark',
          'The Cost of Heating',
        ],
        'C',
        { passage: 'reading', points: 3, difficulty: 3 },
      ),
      {
        key: 'WRT-R05',
        points: 2,
        difficulty: 1,
        passage: 'reading',
        content: {
          type: 'true_false',
          stem: 'Some retired people came to the library because they liked the quiet.',
          correct: true,
        },
      },
      {
        key: 'WRT-R06',
        points: 2,
        difficulty: 2,
        passage: 'reading',
        content: {
          type: 'true_false',
          stem: 'Everyone agrees that the night opening is the best use of the money.',
          correct: false,
        },
      },
    ],
  },
  {
    title: 'Part III 完形填空 (Cloze)',
    instructions: '阅读短文，为文中 (1)–(5) 处各选出一个最佳答案。每题 2 分。',
    tag: '完形填空',
    questions: [
      choice('WRT-C01', '(1)', ['all', 'every', 'each of', 'whole'], 'B', { passage: 'cloze' }),
      choice('WRT-C02', '(2)', ['results', 'reasons', 'lessons', 'answers'], 'A', {
        passage: 'cloze',
      }),
      choice('WRT-C03', '(3)', ['in', 'on', 'all of', 'at'], 'C', { passage: 'cloze' }),
      choice('WRT-C04', '(4)', ['hurt', 'help', 'fail', 'wait'], 'B', { passage: 'cloze' }),
      choice('WRT-C05', '(5)', ['proud', 'fond', 'afraid', 'sure'], 'C', { passage: 'cloze' }),
    ],
  },
  {
    title: 'Part IV 多项选择 (Multiple Answers)',
    instructions: '每题有两个或两个以上正确答案，每题 4 分；少选按所选正确项得分，错选不得分。',
    tag: '语法',
    questions: [
      {
        key: 'WRT-M01',
        points: 4,
        difficulty: 3,
        content: {
          type: 'multiple_choice',
          stem: 'Which of the following sentences are grammatically correct?',
          options: [
            { id: 'A', text: 'He suggested that we should leave early.' },
            { id: 'B', text: 'She has lived here since five years.' },
            { id: 'C', text: 'Neither of the answers is right.' },
            { id: 'D', text: 'I look forward to hearing from you.' },
          ],
          correct: ['A', 'C', 'D'],
          scoring: 'partial',
        },
      },
      {
        key: 'WRT-M02',
        points: 4,
        difficulty: 2,
        content: {
          type: 'multiple_choice',
          stem: 'Which words can complete the sentence "The film was really ___."?',
          options: [
            { id: 'A', text: 'exciting' },
            { id: 'B', text: 'excited' },
            { id: 'C', text: 'interesting' },
            { id: 'D', text: 'bored' },
          ],
          correct: ['A', 'C'],
          scoring: 'all_or_nothing',
        },
      },
    ],
  },
  {
    title: 'Part V 词形填空 (Word Forms)',
    instructions: '用括号中所给词的适当形式填空，每题 2 分。',
    tag: '词形',
    questions: [
      {
        key: 'WRT-F01',
        points: 2,
        difficulty: 2,
        content: {
          type: 'fill_blank',
          stem: 'The ___ (discover) of the new medicine saved thousands of lives.',
          blanks: [{ accepted: ['discovery'] }],
          matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
        },
      },
      {
        key: 'WRT-F02',
        points: 2,
        difficulty: 2,
        content: {
          type: 'fill_blank',
          stem: 'He spoke so ___ (quiet) that nobody at the back could hear him.',
          blanks: [{ accepted: ['quietly'] }],
          matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
        },
      },
      {
        key: 'WRT-F03',
        points: 2,
        difficulty: 3,
        content: {
          type: 'fill_blank',
          stem: 'By the time we arrived, the film ___ (already / begin).',
          blanks: [{ accepted: ['had already begun'] }],
          matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
        },
      },
    ],
  },
  {
    title: 'Part VI 翻译 (Translation)',
    instructions:
      '将下列短文译成中文，共 20 分：第 1 题在线输入译文；第 2 题将译文手写在答题纸上，拍照上传（电脑上选择照片，或点“用手机拍照”用已配对的手机拍摄）。',
    tag: '翻译',
    questions: [
      {
        key: 'WRT-T01',
        points: 15,
        difficulty: 3,
        content: {
          type: 'essay',
          stem: 'Translate into Chinese: Reading is to the mind what exercise is to the body. A good book can take us to places we have never been and help us understand people who are very different from ourselves.',
          maxLength: 300,
          referenceAnswer:
            '读书之于心灵，犹如运动之于身体。一本好书能带我们去从未到过的地方，帮助我们理解与自己截然不同的人。',
        },
      },
      {
        key: 'WRT-T02',
        points: 5,
        difficulty: 2,
        content: {
          type: 'file',
          stem: '手写作答：将下面的句子译成中文，写在答题纸上，拍照上传（最多 2 张）。\nPractice makes perfect, but only if we practise the right things.',
          maxFiles: 2,
          referenceAnswer: '熟能生巧，但前提是我们练习的是正确的东西。',
        },
      },
    ],
  },
  {
    title: 'Part VII 写作 (Writing)',
    instructions:
      '以 "My Plan for the Next Five Years" 为题写一篇不少于 120 词的短文，30 分。可参考提示：1. 学习计划；2. 工作目标；3. 如何实现。',
    tag: '写作',
    questions: [
      {
        key: 'WRT-W01',
        points: 30,
        difficulty: 4,
        content: {
          type: 'essay',
          stem: 'Write a composition of at least 120 words entitled "My Plan for the Next Five Years".',
          maxLength: 3000,
          referenceAnswer:
            '要点：学习计划（如获得学位、提高外语）、工作目标、实现的具体步骤；结构清楚，语言通顺，无重大语法错误。',
        },
      },
    ],
  },
];

/** The mock paper (模拟考试): one question of each kind, to try the page before the exam. */
export const DEMO_MOCK_SECTIONS: DemoSection[] = [
  {
    title: '模拟练习',
    instructions: '本卷仅供熟悉作答界面，不计入成绩。',
    tag: '模拟',
    questions: [
      choice(
        'WRT-MOCK-01',
        'I have ___ finished my homework, so I can go out now.',
        ['yet', 'already', 'still', 'ever'],
        'B',
      ),
      {
        key: 'WRT-MOCK-02',
        points: 2,
        difficulty: 1,
        content: {
          type: 'true_false',
          stem: '"Children" is the plural of "child".',
          correct: true,
        },
      },
      {
        key: 'WRT-MOCK-03',
        points: 4,
        difficulty: 2,
        content: {
          type: 'multiple_choice',
          stem: 'Which of these are months of the year?',
          options: [
            { id: 'A', text: 'March' },
            { id: 'B', text: 'Monday' },
            { id: 'C', text: 'October' },
          ],
          correct: ['A', 'C'],
          scoring: 'partial',
        },
      },
      {
        key: 'WRT-MOCK-04',
        points: 2,
        difficulty: 1,
        content: {
          type: 'fill_blank',
          stem: 'There ___ (be) two books on the desk.',
          blanks: [{ accepted: ['are'] }],
          matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
        },
      },
      {
        key: 'WRT-MOCK-05',
        points: 10,
        difficulty: 2,
        content: {
          type: 'essay',
          stem: '请用一两句英文介绍你自己（试用中文输入法与英文输入）。',
          maxLength: 500,
          referenceAnswer: '',
        },
      },
    ],
  },
];
