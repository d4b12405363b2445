import { Alert, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../../platform/web/api/client.ts'
import { requiredMessage } from '../../../../platform/web/api/problem.ts'
import { formatDate, formatRupiah } from '../../../../platform/web/format.ts'
import { currentLanguage } from '../../../../platform/web/i18n/setup.ts'
import { fieldError, fieldId } from '../../../../platform/web/ui/error-summary.tsx'
import { QueryState } from '../../../../platform/web/ui/query-state.tsx'
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../domain/fees.ts'
import { TaskForm } from './flow-task.tsx'
import { MonthField, useChosenMonth } from './month-field.tsx'
import { type Expense, useAddExpense, useExpenses } from './operator.api.ts'
import { DateField, parseMessage, RupiahField, TaskLayout, useOperatorSite } from './operator-ui.tsx'
import { isUsableDate, monthRange, parseRupiah } from './quantities.ts'

const FORM = 'expense'

function AddExpense() {
  const { t, i18n } = useTranslation('waste')
  const { city, facilityId, today } = useOperatorSite()
  const add = useAddExpense(city, facilityId)
  const key = useRef(newIdempotencyKey())
  const [category, setCategory] = useState('')
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [spentOn, setSpentOn] = useState(today)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [added, setAdded] = useState<Expense | null>(null)
  const language = currentLanguage()
  const labels = {
    category: t('operator.expenses.category'),
    amountRupiah: t('operator.expenses.amount'),
    note: t('operator.expenses.note'),
    spentOn: t('operator.date'),
  }
  const errorOf = (name: string) => fieldError(add.error, name, clientErrors)
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('operator.expenses.addTitle')}
      </Title>
      {added && (
        <Alert color="teal" role="status">
          {t('operator.expenses.added', {
            category: t(`expenseCategories.${added.category}`),
            amount: formatRupiah(added.amountRupiah, language),
          })}
        </Alert>
      )}
      <TaskForm
        form={FORM}
        error={add.error}
        clientErrors={clientErrors}
        labels={labels}
        submitLabel={t('operator.expenses.add')}
        isPending={add.isPending}
        onSubmit={() => {
          const parsed = parseRupiah(amount)
          const found: Record<string, string> = {}
          if (!category) found.category = requiredMessage(i18n)
          const amountProblem = parseMessage(t, parsed, 'money')
          if (amountProblem) found.amountRupiah = amountProblem
          if (!isUsableDate(spentOn, today)) found.spentOn = t('operator.problems.date')
          setClientErrors(found)
          setAdded(null)
          if (Object.keys(found).length > 0 || !parsed.ok) return
          add.mutate(
            {
              body: {
                spentOn,
                category: category as ExpenseCategory,
                amountRupiah: parsed.value,
                note: note.trim() || null,
              },
              key: key.current,
            },
            {
              onSuccess: (expense) => {
                key.current = newIdempotencyKey()
                setAdded(expense)
                setAmount('')
                setNote('')
                setCategory('')
              },
            },
          )
        }}
      >
        <NativeSelect
          id={fieldId(FORM, 'category')}
          label={labels.category}
          size="lg"
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
          data={[
            { value: '', label: t('operator.choose') },
            ...EXPENSE_CATEGORIES.map((value) => ({ value, label: t(`expenseCategories.${value}`) })),
          ]}
          error={errorOf('category')}
        />
        <RupiahField
          form={FORM}
          name="amountRupiah"
          label={labels.amountRupiah}
          hint={t('operator.expenses.amountHint')}
          value={amount}
          onChange={setAmount}
          error={errorOf('amountRupiah')}
        />
        <TextInput
          id={fieldId(FORM, 'note')}
          label={labels.note}
          description={t('operator.optional')}
          size="lg"
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errorOf('note')}
        />
        <DateField
          form={FORM}
          name="spentOn"
          value={spentOn}
          today={today}
          onChange={setSpentOn}
          error={errorOf('spentOn')}
        />
      </TaskForm>
    </Stack>
  )
}

function ExpenseList({ items }: { items: Expense[] }) {
  const { t } = useTranslation('waste')
  const language = currentLanguage()
  const live = items.filter((item) => !item.isVoided)
  const total = live.reduce((sum, item) => sum + item.amountRupiah, 0)
  return (
    <Stack gap="xs">
      <Text fw={700} size="lg">
        {t('operator.expenses.total', { amount: formatRupiah(total, language) })}
      </Text>
      {live.length === 0 ? (
        <Text>{t('operator.expenses.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {live.map((item) => (
            <Paper component="li" key={item.id} withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>{t(`expenseCategories.${item.category}`)}</Text>
                  <Text size="sm" c="gray.8">
                    {formatDate(item.spentOn, language)}
                    {item.note ? ` · ${item.note}` : ''}
                  </Text>
                </div>
                <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(item.amountRupiah, language)}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  )
}

/** Pengeluaran: add what was spent (fuel, electricity, wages…) and see the month's list. */
export default function ExpensesPage() {
  const { t } = useTranslation('waste')
  const { city, facilityId, today } = useOperatorSite()
  const month = useChosenMonth(today)
  const expenses = useExpenses(city, facilityId, monthRange(month.period))
  return (
    <TaskLayout title={t('operator.tasks.expenses')}>
      <AddExpense />
      <Title order={2} size="h3">
        {t('operator.expenses.listTitle')}
      </Title>
      <MonthField month={month} />
      <QueryState query={expenses}>{(data) => <ExpenseList items={data.items} />}</QueryState>
    </TaskLayout>
  )
}
